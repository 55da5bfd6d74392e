namespace IdcRepro.Training;

/// <summary>A training or validation set: patches and their labels (0 non-IDC, 1 IDC), in the same order.</summary>
public sealed record TrainingData
{
    public TrainingData(PatchImages images, IReadOnlyList<int> labels)
    {
        if (labels.Count != images.Count)
            throw new ArgumentException($"{images.Count} patches but {labels.Count} labels.", nameof(labels));
        for (var i = 0; i < labels.Count; i++)
            if (labels[i] is not (0 or 1))
                throw new ArgumentException($"Label {labels[i]} at row {i} is neither 0 nor 1.", nameof(labels));
        Images = images;
        Labels = labels;
    }

    /// <summary>Builds a set from row-major N x H x W x 3 bytes.</summary>
    public TrainingData(ReadOnlyMemory<byte> pixels, int height, int width, IReadOnlyList<int> labels)
        : this(new PatchImages(pixels, labels.Count, height, width), labels)
    {
    }

    public PatchImages Images { get; }
    public IReadOnlyList<int> Labels { get; }
    public int Count => Labels.Count;

    /// <summary>How many patches of each class: [non-IDC, IDC].</summary>
    public int[] ClassCounts()
    {
        var counts = new int[2];
        foreach (var label in Labels) counts[label]++;
        return counts;
    }
}
