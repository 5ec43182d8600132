#!/usr/bin/python3
"""tools/fuzz/make_seeds.py - the seed files that need numpy, zlib, h5py or Pillow, into OUTDIR/<target>/ (make
fuzz passes build/fuzz/corpus), and PngSuite (tests/pngsuite) for the PNG reader. tools/fuzz/make_seeds.cpp
writes the ones the library makes itself. Every file is small (the fuzzer mutates them; big seeds only slow it
down). Usage: /usr/bin/python3 tools/fuzz/make_seeds.py OUTDIR
"""
import io
import os
import shutil
import subprocess
import sys
import tempfile
import zipfile
import zlib

out = sys.argv[1]


def put(target, name, data):
    os.makedirs(os.path.join(out, target), exist_ok=True)
    with open(os.path.join(out, target, name), "wb") as f:
        f.write(data)


# inflate: stored, fixed and dynamic blocks, zlib-wrapped (first byte 0) and raw (first byte 1).
text = b"".join(b"line %d: the quick brown fox jumps over the lazy dog %d\n" % (i, i * i % 97) for i in range(12))
for level in (0, 1, 6, 9):
    for name, data in (("short", b"abcabcabcabcabc hello hello hello"), ("text", text)):
        z = zlib.compress(data, level)
        put("inflate", "zlib_l%d_%s" % (level, name), b"\0" + z)
        put("inflate", "raw_l%d_%s" % (level, name), b"\1" + z[2:-4])

# png: PngSuite, valid and corrupt files alike (all under 3 KB).
suite = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "tests", "pngsuite")
for name in sorted(os.listdir(suite)):
    if name.endswith(".png"):
        with open(os.path.join(suite, name), "rb") as f:
            put("png", "pngsuite_" + name, f.read())

# jpeg: what Pillow writes (progressive with successive approximation, optimised tables: the kinds the
# hand-built seeds lack), and restart markers from jpegtran when it is installed.
try:
    import numpy as np
    from PIL import Image
    x = np.arange(24)[None, :, None]
    y = np.arange(16)[:, None, None]
    pic = Image.fromarray(((x * 11 + y * 7 + np.array([0, 80, 160])) % 256).astype(np.uint8))
    for name, im, kw in (("pil_420_q75", pic, {}), ("pil_444_q95", pic, {"quality": 95, "subsampling": 0}),
                         ("pil_progressive", pic, {"progressive": True}),
                         ("pil_progressive_optimized", pic, {"progressive": True, "optimize": True}),
                         ("pil_gray_progressive", pic.convert("L"), {"progressive": True}),
                         ("pil_cmyk", pic.convert("CMYK"), {})):
        buf = io.BytesIO()
        im.save(buf, "JPEG", **kw)
        put("jpeg", name + ".jpg", buf.getvalue())
        if name == "pil_420_q75" and shutil.which("jpegtran"):
            r = subprocess.run(["jpegtran", "-restart", "1B"], input=buf.getvalue(), stdout=subprocess.PIPE)
            if r.returncode == 0:
                put("jpeg", "jpegtran_restart.jpg", r.stdout)
except ImportError:
    print("make_seeds.py: Pillow is missing: no Pillow-made JPEG seeds")

try:
    import numpy as np
except ImportError:
    print("make_seeds.py: numpy is missing: no numpy seeds for npy/npz")
    sys.exit(0)

# npy: every dtype and byte order the reader takes, versions 1.0/2.0/3.0, Fortran order, ranks 0-3.
base = np.arange(6).reshape(2, 3)
for code in ("f2", "f4", "f8", "i1", "i2", "i4", "i8", "u1", "u2", "u4", "u8", "b1"):
    for order in "<>":
        buf = io.BytesIO()
        np.save(buf, (base % 2 == 1) if code == "b1" else base.astype(order + code))
        put("npy", "%s_%s.npy" % ("le" if order == "<" else "be", code), buf.getvalue())
for version in ((1, 0), (2, 0), (3, 0)):
    buf = io.BytesIO()
    np.lib.format.write_array(buf, np.asfortranarray(base.astype("f8")), version=version)
    put("npy", "fortran_v%d.npy" % version[0], buf.getvalue())
for name, arr in (("rank0", np.array(2.5)), ("rank1", np.arange(4.0)), ("rank3", np.zeros((2, 1, 2))),
                  ("empty", np.zeros((0, 3)))):
    buf = io.BytesIO()
    np.save(buf, arr)
    put("npy", name + ".npy", buf.getvalue())

# npz: np.savez (stored) and np.savez_compressed (deflated).
for name, fn in (("savez", np.savez), ("savez_compressed", np.savez_compressed)):
    buf = io.BytesIO()
    fn(buf, W1=np.arange(6.0).reshape(2, 3), b1=np.zeros((2, 1)), v=np.arange(3, dtype="i4"))
    put("npz", name + ".npz", buf.getvalue())

try:
    import h5py
except ImportError:
    print("make_seeds.py: h5py is missing: no HDF5 seeds")
    sys.exit(0)

# h5: small files, one feature each, plus the small fixtures of tests/h5_fixtures.py.
tmp = tempfile.mkdtemp()
try:
    def h5(name, libver, fill):
        path = os.path.join(tmp, name)
        with h5py.File(path, "w", libver=libver) as f:
            fill(f)
        with open(path, "rb") as f:
            put("h5", name, f.read())

    v = np.arange(12.0).reshape(3, 4)
    h5("contiguous.h5", "earliest", lambda f: f.create_dataset("x", data=v))

    def compact(f):
        dcpl = h5py.h5p.create(h5py.h5p.DATASET_CREATE)
        dcpl.set_layout(h5py.h5d.COMPACT)
        d = h5py.h5d.create(f.id, b"x", h5py.h5t.IEEE_F64LE, h5py.h5s.create_simple(v.shape), dcpl=dcpl)
        d.write(h5py.h5s.ALL, h5py.h5s.ALL, v)
    h5("compact_latest.h5", "latest", compact)
    h5("scalar_string.h5", "earliest", lambda f: (f.create_dataset("s", data=np.bytes_("cat")),
                                                  f.create_dataset("n", data=np.array([b"ab", b"c"]))))
    h5("gzip_shuffle_f32.h5", "earliest", lambda f: f.create_dataset(
        "x", data=v, chunks=(2, 2), compression="gzip", shuffle=True, fletcher32=True))
    h5("groups_earliest.h5", "earliest", lambda f: f.create_dataset("a/b/x", data=np.arange(3, dtype="u1")))
    h5("groups_latest.h5", "latest", lambda f: f.create_dataset("a/b/x", data=np.arange(3, dtype=">i2")))

    def dense(f):
        for i in range(12):
            f.create_dataset("d%02d" % i, data=np.array([i], dtype="i8"))
    h5("dense_group.h5", "latest", dense)

    def chunk_indexes(f):
        f.create_dataset("single", data=v, chunks=(3, 4))                         # single chunk
        f.create_dataset("implicit", data=v, chunks=(1, 2))                       # fixed array (no filter)
        f.create_dataset("ext", data=v, chunks=(1, 4), maxshape=(None, 4))       # extensible array
        f.create_dataset("bt2", data=v, chunks=(1, 2), maxshape=(None, None))    # v2 B-tree
        f.create_dataset("gz", data=v, chunks=(2, 2), compression="gzip")
    h5("chunk_indexes_latest.h5", "latest", chunk_indexes)

    fixtures = os.path.join(tmp, "fixtures")
    os.makedirs(fixtures)
    script = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "tests", "h5_fixtures.py")
    if subprocess.call([sys.executable, script, fixtures], stdout=subprocess.DEVNULL) == 0:
        # sohm_*.h5: messages in the shared-message heap (list and B-tree indexes), where the HDF5 C library
        # could be reached to write them.
        for name in ("small_default.h5", "small_latest.h5", "userblock.h5", "sohm_list.h5", "sohm_btree.h5"):
            if os.path.exists(os.path.join(fixtures, name)):
                shutil.copy(os.path.join(fixtures, name), os.path.join(out, "h5", name))
    else:
        print("make_seeds.py: %s failed: no seeds from the reader's h5py fixtures" % script)
        if os.environ.get("CI") == "true":
            sys.exit(1)

    # A few of HDF5's own test files, where ../shared/hdf5-testfiles is beside the repository (never copied into
    # it): what h5py cannot write (layouts of versions 1 and 2, version 1 shared datatypes, message flags,
    # shared messages, file space info, cache images, end-of-file addresses) and is small.
    testfiles = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "..", "shared", "hdf5-testfiles")
    for name in ("fill_old.h5", "deflate.h5", "btree_idx_1_6.h5", "tdset2.h5", "tcompound.h5", "tbogus.h5",
                 "h5stat_tsohm.h5", "tbigdims.h5", "cve_2020_10810.h5", "paged_nopersist.h5",
                 "h5clear_fsm_persist_less.h5", "h5clear_mdc_image.h5", "tstr.h5"):
        path = os.path.join(testfiles, name)
        if os.path.exists(path) and os.path.getsize(path) <= 64 << 10:
            shutil.copy(path, os.path.join(out, "h5", "hdf5test_" + name))
finally:
    shutil.rmtree(tmp)
