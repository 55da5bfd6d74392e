namespace IdcRepro.Reporting.Pages;

/// <summary>How a paragraph stands out: plain text, the page's lead line, a note, or a verdict that holds or fails.</summary>
public enum Tone { Plain, Lead, Note, Holds, Fails }
