#!/usr/bin/env python3
"""tools/bench/app_numpy.py - the Application notebook's L_layer_model in numpy, timed, for comparison with `make demo`.

    python3 tools/bench/app_numpy.py [DATA_DIR] [ITERATIONS]      (needs numpy and h5py)

The same algorithm as dnn_app_utils_v3 (the course's helpers): seed 1, W / sqrt(n[l-1]), relu layers, a sigmoid
output, cross-entropy cost, gradient descent with learning_rate 0.0075. Prints the notebook's cost lines, the two
accuracies and the training time. Run it with OPENBLAS_CORETYPE and OPENBLAS_L2_SIZE unset, as `make bench` does.
"""
import os
import sys
import time

import h5py
import numpy as np


def load_data(d):
    with h5py.File(os.path.join(d, "train_catvnoncat.h5"), "r") as f:
        tx, ty = np.array(f["train_set_x"][:]), np.array(f["train_set_y"][:])
    with h5py.File(os.path.join(d, "test_catvnoncat.h5"), "r") as f:
        sx, sy = np.array(f["test_set_x"][:]), np.array(f["test_set_y"][:])
    return tx, ty.reshape((1, -1)), sx, sy.reshape((1, -1))


def forward(X, params):
    caches, A, L = [], X, len(params) // 2
    for l in range(1, L + 1):
        Z = params["W%d" % l].dot(A) + params["b%d" % l]
        caches.append((A, Z))
        A = 1 / (1 + np.exp(-Z)) if l == L else np.maximum(0, Z)
    return A, caches


def step(X, Y, params, lr):
    L, m = len(params) // 2, Y.shape[1]
    AL, caches = forward(X, params)
    cost = np.squeeze((1. / m) * (-np.dot(Y, np.log(AL).T) - np.dot(1 - Y, np.log(1 - AL).T)))
    dA = -(np.divide(Y, AL) - np.divide(1 - Y, 1 - AL))
    for l in range(L, 0, -1):
        A_prev, Z = caches[l - 1]
        if l == L:
            s = 1 / (1 + np.exp(-Z))
            dZ = dA * s * (1 - s)
        else:
            dZ = np.array(dA, copy=True)
            dZ[Z <= 0] = 0
        W = params["W%d" % l]
        dW = 1. / m * np.dot(dZ, A_prev.T)
        db = 1. / m * np.sum(dZ, axis=1, keepdims=True)
        dA = np.dot(W.T, dZ)
        params["W%d" % l] = W - lr * dW
        params["b%d" % l] = params["b%d" % l] - lr * db
    return cost


def main():
    d = sys.argv[1] if len(sys.argv) > 1 else os.environ.get("DNN_DATA", "datasets")
    iterations = int(sys.argv[2]) if len(sys.argv) > 2 else 2500
    tx, ty, sx, sy = load_data(d)
    X, Xt = tx.reshape(tx.shape[0], -1).T / 255., sx.reshape(sx.shape[0], -1).T / 255.
    dims = [12288, 20, 7, 5, 1]
    np.random.seed(1)
    params = {}
    for l in range(1, len(dims)):
        params["W%d" % l] = np.random.randn(dims[l], dims[l - 1]) / np.sqrt(dims[l - 1])
        params["b%d" % l] = np.zeros((dims[l], 1))
    t0 = time.perf_counter()
    for i in range(iterations):
        cost = step(X, ty, params, 0.0075)
        if i % 100 == 0:
            print("Cost after iteration %i: %f" % (i, cost))
    seconds = time.perf_counter() - t0
    for x, y in ((X, ty), (Xt, sy)):
        p = (forward(x, params)[0] > 0.5).astype(float)
        print("Accuracy: " + str(np.sum((p == y) / y.shape[1])))
    print("numpy training took %.2f s (%d iterations, %.2f ms each)" % (seconds, iterations, 1e3 * seconds / iterations))


if __name__ == "__main__":
    main()
