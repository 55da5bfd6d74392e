using IdcRepro.Config;
using IdcRepro.Torch;
using IdcRepro.Training;
using TorchSharp;

namespace IdcRepro.Tests.Training;

public sealed class IdcCnnTests
{
    [Fact]
    public void The_blog_model_flattens_7_x_7_x_256_features()
    {
        // 50 -conv-> 48 -pool-> 24 -conv-> 22 -pool-> 11 -conv-> 9 -conv-> 7; 7 * 7 * 256 = 12,544
        Assert.Equal(12_544, IdcCnn.FlattenSizeFor(new ModelConfig(), 50));
    }

    [Fact]
    public void The_blog_model_has_the_hand_counted_parameters()
    {
        // conv 3x3:  3->32:     3*3*3*32 + 32     =       896
        //            32->64:    3*3*32*64 + 64    =    18,496
        //            64->128:   3*3*64*128 + 128  =    73,856
        //            128->256:  3*3*128*256 + 256 =   295,168
        // dense:     12,544->128: 12,544*128 + 128 = 1,605,760
        //            128->128:  128*128 + 128     =    16,512
        //            128->2:    128*2 + 2         =       258
        // total                                     2,010,946
        TorchRuntime.EnsureLoaded();
        using var model = new IdcCnn(new ModelConfig(), 50);

        Assert.Equal(2_010_946, model.parameters().Sum(p => p.numel()));
        Assert.Equal(12_544, model.FlattenSize);
    }

    [Fact]
    public void A_narrow_model_gives_two_logits_per_patch()
    {
        TorchRuntime.EnsureLoaded();
        using var scope = torch.NewDisposeScope();
        using var model = new IdcCnn(
            new ModelConfig { ConvWidths = [4, 8, 8, 8], DenseWidths = [8, 8], BatchNorm = true }, 50);

        var logits = model.forward(torch.zeros(5, 3, 50, 50));

        Assert.Equal([5L, 2L], logits.shape);
        Assert.Equal(7 * 7 * 8, model.FlattenSize);
    }

    [Fact]
    public void Patches_too_small_for_the_layers_are_refused_with_the_reason()
    {
        var e = Assert.Throws<ArgumentException>(() => IdcCnn.FlattenSizeFor(new ModelConfig(), 16));

        Assert.Contains("16x16 patches are too small", e.Message);
    }
}
