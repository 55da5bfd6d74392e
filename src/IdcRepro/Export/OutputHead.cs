namespace IdcRepro.Export;

/// <summary>How the network's two logits become the probabilities p0, p1 of predictions.csv.</summary>
public enum OutputHead
{
    /// <summary>
    /// Each logit through its own sigmoid (loss bce: the blog's Dense(2, sigmoid)); p0 + p1 need not be 1.
    /// </summary>
    Sigmoid,

    /// <summary>Softmax over both logits (loss cross_entropy); p0 + p1 = 1.</summary>
    Softmax,
}
