"""The IdcRepro CNN in PyTorch, rebuilt from a folder that `idc export --format pytorch` wrote.

    import sys; sys.path.insert(0, folder)
    import idc_model
    model = idc_model.load(folder)
    p1 = model.predict(patches)  # patches: uint8 numpy array N x 50 x 50 x 3 (RGB), as images.npy holds them

Around the network it does what idc's scoring does (the C# Predictor): uint8 N x H x W x 3 -> float32 N x 3 x H x W,
times scale plus shift per channel (normalization.json), the network, then the head of model.json: a sigmoid of each
logit (loss bce, the blog's Dense(2, sigmoid)) or a softmax over both (loss cross_entropy). probabilities() gives p0 and
p1 as predictions.csv holds them, predict() p1 alone. Needs numpy and PyTorch 1.13 or later.
"""

import inspect
import json
import os

import numpy as np
import torch
from torch import nn

# Patches per forward pass, as idc's evaluation runs them.
BATCH_SIZE = 1024


class IdcCnn(nn.Module):
    """The C# IdcCnn layer for layer, so that the state_dict names match (features.0.weight, classifier.1.bias, ...)."""

    def __init__(self, arch):
        super().__init__()
        features, channels = [], arch["channels"]
        for i, width in enumerate(arch["conv_widths"]):
            features.append(nn.Conv2d(channels, width, kernel_size=arch["kernel_size"]))
            if arch["batch_norm"]:
                features.append(nn.BatchNorm2d(width, eps=arch["batch_norm_eps"], momentum=arch["batch_norm_momentum"]))
            features.append(nn.ReLU())
            if i < arch["pooled_convs"]:
                features.append(nn.MaxPool2d(kernel_size=arch["pool_size"]))
            channels = width
        classifier, inputs = [], arch["flatten_size"]
        for width in arch["dense_widths"]:
            if arch["dropout"] > 0:
                classifier.append(nn.Dropout(arch["dropout"]))
            classifier += [nn.Linear(inputs, width), nn.ReLU()]
            inputs = width
        classifier.append(nn.Linear(inputs, arch["outputs"]))
        self.features = nn.Sequential(*features)
        self.classifier = nn.Sequential(*classifier)

    def forward(self, x):
        return self.classifier(torch.flatten(self.features(x), 1))


class IdcModel:
    """A loaded export: the network in eval mode with the normalisation and head it was trained with."""

    def __init__(self, network, arch, normalization):
        self.network = network.eval()
        self.arch = arch
        self.scale = torch.tensor(normalization["scale"], dtype=torch.float32).view(1, -1, 1, 1)
        self.shift = torch.tensor(normalization["shift"], dtype=torch.float32).view(1, -1, 1, 1)

    def inputs(self, patches):
        """uint8 N x H x W x 3 (RGB, 0..255) -> the network's float32 N x 3 x H x W."""
        x = torch.from_numpy(np.array(patches, dtype=np.uint8, copy=True))
        return x.permute(0, 3, 1, 2).contiguous().to(torch.float32).mul_(self.scale).add_(self.shift)

    def probabilities(self, patches):
        """float32 N x 2: per patch p0 (non-IDC) and p1 (IDC), as predictions.csv holds them."""
        patches = np.asarray(patches)
        size, channels = self.arch["input_size"], self.arch["channels"]
        if patches.dtype != np.uint8 or patches.ndim != 4 or tuple(patches.shape[1:]) != (size, size, channels):
            raise ValueError(f"expected uint8 patches N x {size} x {size} x {channels}, got {patches.dtype} {tuple(patches.shape)}")
        batches = []
        with torch.no_grad():
            for start in range(0, len(patches), BATCH_SIZE):
                logits = self.network(self.inputs(patches[start:start + BATCH_SIZE]))
                batches.append(torch.sigmoid(logits) if self.arch["head"] == "sigmoid" else torch.softmax(logits, dim=1))
        return torch.cat(batches).numpy() if batches else np.zeros((0, 2), dtype=np.float32)

    def predict(self, patches):
        """float32 N: per patch the probability of IDC (class 1), predictions.csv's p1."""
        return self.probabilities(patches)[:, 1]


def load_state_dict(path):
    """model.pt as a dict of tensors; weights_only=True (PyTorch 1.13 and later) unpickles nothing but tensors."""
    if "weights_only" in inspect.signature(torch.load).parameters:
        return torch.load(path, map_location="cpu", weights_only=True)
    return torch.load(path, map_location="cpu")


def load(folder):
    """The model of an export folder (model.json, normalization.json, model.pt), ready to score patches."""
    with open(os.path.join(folder, "model.json"), encoding="utf-8") as f:
        arch = json.load(f)
    with open(os.path.join(folder, "normalization.json"), encoding="utf-8") as f:
        normalization = json.load(f)
    network = IdcCnn(arch)
    network.load_state_dict(load_state_dict(os.path.join(folder, "model.pt")), strict=True)
    return IdcModel(network, arch, normalization)
