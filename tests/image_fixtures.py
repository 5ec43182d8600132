#!/usr/bin/python3
"""tests/image_fixtures.py - Pillow's side of tests/test_image_pillow.cpp: makes JPEG files, and says what
Pillow reads from files and what Image.resize makes of raw pictures.

Usage (OUTDIR is the test's scratch folder; every path below is inside it):
  /usr/bin/python3 tests/image_fixtures.py jpegs OUTDIR
      Writes JPEG files made by Pillow (baseline at qualities 50 and 95 in 4:4:4, 4:2:2 and 4:2:0,
      progressive, optimised Huffman tables, grayscale, CMYK) for every size from 1x1 to 33x33 (square, and
      width + height = 34) and a few larger ones. Lists them in OUTDIR/jpegs.txt.
  /usr/bin/python3 tests/image_fixtures.py tooljpegs OUTDIR
      The same sizes through libjpeg-turbo's tools: cjpeg (4:4:0, progressive 4:4:0, RGB) and jpegtran
      (restart markers every MCU, every 3 MCUs, every MCU row; progressive with restarts), and two files our
      reader refuses on purpose, named *_refused_*: arithmetic coding (jpegtran -arithmetic) and 4:1:1
      (cjpeg -sample 4x1). Lists them in OUTDIR/tooljpegs.txt.
  /usr/bin/python3 tests/image_fixtures.py decode OUTDIR LIST
      For each line "path out [transpose]" of LIST: np.asarray(Image.open(path).convert("RGB")) (after
      ImageOps.exif_transpose with "transpose") into out.pil, and a line "path OK width height mode" or
      "path ERROR message" into LIST.out. For 16-bit grayscale PNGs also out.high (the high byte of each
      sample, as RGB: what we read) and out.clip (each sample clipped to 255: what Pillow's convert does).
      Nothing is written beside the files read.
  /usr/bin/python3 tests/image_fixtures.py resize OUTDIR LIST
      For each line "in.raw width height new_width new_height filter out.raw" of LIST:
      Image.frombytes("RGB", (width, height), in.raw).resize((new_width, new_height), filter) into out.raw
      (filter: 0 NEAREST, 1 BILINEAR, 2 BICUBIC).
"""
import io
import os
import subprocess
import sys

import numpy as np
from PIL import Image, ImageFile, ImageOps

# Pillow writes progressive and optimised JPEGs through a buffer of max(MAXBLOCK, width * height) bytes,
# too small for a noisy picture's whole file ("Suspension not allowed here"): make it large.
ImageFile.MAXBLOCK = 1 << 24


def picture(w, h, seed):
    """A picture with smooth gradients, edges and noise, so every DCT coefficient gets used."""
    rs = np.random.RandomState(seed)
    y, x = np.mgrid[0:h, 0:w].astype(np.float64)
    r = 128 + 100 * np.sin(x / (2.0 + seed % 5)) * np.cos(y / 3.0)
    g = 255.0 * ((x + 2 * y) % 17 > 8)
    b = 255.0 * x / max(w, 1) * 0.6 + 255.0 * y / max(h, 1) * 0.4
    img = np.stack([r, g, b], 2) + rs.randn(h, w, 3) * 18
    return Image.fromarray(np.clip(img, 0, 255).astype(np.uint8))


SIZES = sorted({(w, w) for w in range(1, 34)} | {(w, 34 - w) for w in range(1, 34)} |
               {(97, 61), (128, 128), (257, 130), (640, 480)})


def make_jpegs(out):
    names = []

    def save(im, name, **kw):
        im.save(os.path.join(out, name), "JPEG", **kw)
        names.append(name)

    for i, (w, h) in enumerate(SIZES):
        im = picture(w, h, i)
        tag = "%dx%d" % (w, h)
        for sub, sname in ((0, "444"), (1, "422"), (2, "420")):
            for q in (50, 95):
                save(im, "%s_%s_q%d.jpg" % (tag, sname, q), quality=q, subsampling=sub)
            save(im, "%s_%s_prog.jpg" % (tag, sname), quality=80, subsampling=sub, progressive=True)
        save(im, "%s_420_opt.jpg" % tag, quality=85, subsampling=2, optimize=True)
        save(im, "%s_420_prog_opt.jpg" % tag, quality=70, subsampling=2, progressive=True, optimize=True)
        save(im.convert("L"), "%s_gray.jpg" % tag, quality=75)
        save(im.convert("L"), "%s_gray_prog.jpg" % tag, quality=75, progressive=True)
        save(im.convert("CMYK"), "%s_cmyk.jpg" % tag, quality=90)
    with open(os.path.join(out, "jpegs.txt"), "w") as f:
        f.writelines(os.path.join(out, n) + "\n" for n in names)


def make_tool_jpegs(out):
    names = []

    def run(args, name):
        subprocess.run(args[:-1] + ["-outfile", os.path.join(out, name), args[-1]], check=True,
                       stdout=subprocess.DEVNULL)
        names.append(name)

    for i, (w, h) in enumerate(SIZES):
        im = picture(w, h, i)
        tag = "%dx%d" % (w, h)
        ppm = os.path.join(out, "%s.ppm" % tag)
        base = os.path.join(out, "%s_base.jpg" % tag)
        im.save(ppm)
        im.save(base, "JPEG", quality=95, subsampling=2)
        run(["cjpeg", "-quality", "85", "-sample", "1x2", ppm], "%s_t440.jpg" % tag)
        run(["cjpeg", "-quality", "85", "-sample", "1x2", "-progressive", ppm], "%s_t440_prog.jpg" % tag)
        run(["cjpeg", "-quality", "90", "-rgb", ppm], "%s_trgb.jpg" % tag)
        for spec, name in (("1B", "rst1"), ("3B", "rst3"), ("1", "rstrow")):
            run(["jpegtran", "-restart", spec, base], "%s_t420_%s.jpg" % (tag, name))
        run(["jpegtran", "-progressive", "-restart", "2B", base], "%s_t420_prog_rst.jpg" % tag)
        if (w, h) == (97, 61):
            run(["jpegtran", "-arithmetic", base], "%s_refused_arith.jpg" % tag)
            run(["cjpeg", "-sample", "4x1", ppm], "%s_refused_411.jpg" % tag)
        os.remove(ppm)
        os.remove(base)
    with open(os.path.join(out, "tooljpegs.txt"), "w") as f:
        f.writelines(os.path.join(out, n) + "\n" for n in names)


def decode(list_path):
    lines = []
    with open(list_path) as f:
        for line in f:
            parts = line.split()
            if not parts:
                continue
            path, out, transpose = parts[0], parts[1], len(parts) > 2 and parts[2] == "transpose"
            try:
                im = Image.open(path)
                mode = im.mode
                if mode in ("I", "I;16", "I;16B") and path.endswith(".png"):
                    # 16-bit grayscale: what we read instead (io/image.hpp), the high byte of each sample,
                    # and what Pillow's convert("RGB") does, each sample clipped to 255.
                    v = np.asarray(im).astype(np.int64)
                    for ext, gray in ((".high", v >> 8), (".clip", np.minimum(v, 255))):
                        with open(out + ext, "wb") as h:
                            h.write(np.repeat(gray.astype(np.uint8)[:, :, None], 3, axis=2).tobytes())
                if transpose:
                    im = ImageOps.exif_transpose(im)
                rgb = np.asarray(im.convert("RGB"))
                with open(out + ".pil", "wb") as p:
                    p.write(rgb.tobytes())
                lines.append("%s OK %d %d %s" % (path, rgb.shape[1], rgb.shape[0], mode))
            except Exception as e:  # a file Pillow refuses: the C++ side decides what that means
                lines.append("%s ERROR %s" % (path, str(e).replace("\n", " ")))
    with open(list_path + ".out", "w") as f:
        f.write("\n".join(lines) + "\n")


def resize(list_path):
    filters = {0: Image.NEAREST, 1: Image.BILINEAR, 2: Image.BICUBIC}
    cache = {}
    with open(list_path) as f:
        for line in f:
            parts = line.split()
            if not parts:
                continue
            src, w, h, nw, nh, flt, dst = parts[0], int(parts[1]), int(parts[2]), int(parts[3]), int(parts[4]), \
                int(parts[5]), parts[6]
            if src not in cache:
                with open(src, "rb") as s:
                    cache = {src: Image.frombytes("RGB", (w, h), s.read())}
            with open(dst, "wb") as d:
                d.write(cache[src].resize((nw, nh), filters[flt]).tobytes())


if __name__ == "__main__":
    command, out = sys.argv[1], sys.argv[2]
    if command == "jpegs":
        make_jpegs(out)
    elif command == "tooljpegs":
        make_tool_jpegs(out)
    elif command == "decode":
        decode(sys.argv[3])
    elif command == "resize":
        resize(sys.argv[3])
    else:
        sys.exit("unknown command " + command)
