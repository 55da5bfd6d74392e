// Placeholder entry point so the `idc` project builds; the stage commands replace it.
Console.Error.WriteLine("idc: no commands yet");
return 2;
