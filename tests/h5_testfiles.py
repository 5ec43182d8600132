#!/usr/bin/python3
"""tests/h5_testfiles.py - h5py's view of every dataset in a folder of HDF5 files, for tests/test_h5_testfiles.cpp.

Usage: /usr/bin/python3 tests/h5_testfiles.py DIR OUT

For every *.h5 file in DIR (sorted), walks the groups as io/h5/h5file.cpp's datasets() does (hard links only,
each group expanded once, a dataset listed under every path that reaches it) and writes one line per dataset to
OUT, fields separated by tabs, each field %-escaped (%, tab, CR, LF and bytes outside printable ASCII as %XX):

  F <file> ok | error <message>                           the file itself (h5py.File)
  G <file> <group path> error <message>                   a group h5py could not list
  D <file> <path> num <dtype> <shape> <crc> <n> <head>    numbers: CRC-32 of the values as little-endian float64
                                                          (every NaN as 0x7ff8000000000000), first values
  D <file> <path> str <dtype> <shape> <crc> <n> <head>    fixed-length strings as h5py gives them: CRC-32 of
                                                          (4-byte little-endian length, bytes) per element
  D <file> <path> big <dtype> <shape>                     numbers or strings over 256 MiB: not read here
  D <file> <path> other <description>                     h5py reads it as something else (compound, vlen...)
  D <file> <path> error <message>                         h5py cannot read it
  D <file> <path> unopened <message>                      h5py cannot open the object (a dataset or a group?)

dtype is the reader's name for it: numpy's name ("int16", "float32"; h5py's bool, an int8 enum, is "int8"),
"|S<n>" for strings. shape is "(2,3)", "()" for a scalar, "null" for a null dataspace. All files are read in
this one process (about half a second for HDF5's 426 test files).
"""
import os
import sys
import zlib

import h5py
import numpy as np

BIG = 256 << 20


def esc(value):
    if isinstance(value, str):
        value = value.encode("utf-8", "surrogateescape")
    out = []
    for b in value:
        if b == 0x25 or b < 0x20 or b >= 0x7f:
            out.append("%%%02X" % b)
        else:
            out.append(chr(b))
    return "".join(out)


def line(*fields):
    return "\t".join(esc(f) if isinstance(f, (bytes, str)) else esc(str(f)) for f in fields) + "\n"


def message(e):
    return ("%s: %s" % (type(e).__name__, e)).replace("\n", " ")


def shape_text(shape):
    if shape is None:
        return "null"
    return "(" + ",".join(str(d) for d in shape) + ")"


def describe(ds):
    """('num' | 'str' | 'other', reader's dtype name or a description)."""
    dt = ds.dtype
    if dt.fields is not None or dt.subdtype is not None:
        return "other", str(dt)
    if dt.kind == "b":
        return "num", "int8"
    if dt.kind in "iu" or (dt.kind == "f"):
        if h5py.check_dtype(vlen=dt) is not None or h5py.check_dtype(ref=dt) is not None:
            return "other", str(dt)
        return "num", dt.name
    if dt.kind == "S":
        return "str", "|S%d" % dt.itemsize
    return "other", str(dt) + (" (%s)" % ds.id.get_type().__class__.__name__)


def dataset_line(fname, path, ds):
    kind, name = describe(ds)
    if kind == "other":
        return line("D", fname, path, "other", name)
    shape = ds.shape
    n = 0 if shape is None else int(np.prod(shape, dtype=np.int64)) if shape else 1
    if n * ds.dtype.itemsize > BIG:
        return line("D", fname, path, "big", name, shape_text(shape))
    value = ds[()]
    if shape is None or isinstance(value, h5py.Empty):
        return line("D", fname, path, kind, name, "null", "%08x" % 0, 0, "")
    arr = np.asarray(value)
    if kind == "num":
        a = np.ascontiguousarray(arr, dtype="<f8").reshape(-1)
        a[np.isnan(a)] = np.nan
        crc = zlib.crc32(a.tobytes()) & 0xffffffff
        head = " ".join(repr(float(v)) for v in a[:4])
    else:
        crc = 0
        items = [bytes(x) for x in arr.reshape(-1)]
        for s in items:
            crc = zlib.crc32(len(s).to_bytes(4, "little") + s, crc)
        crc &= 0xffffffff
        head = " ".join(repr(s) for s in items[:4])
    return line("D", fname, path, kind, name, shape_text(arr.shape), "%08x" % crc, arr.size, head)


def walk_file(fname, path, out):
    try:
        f = h5py.File(path, "r")
    except Exception as e:  # noqa: BLE001 - every failure is a result here
        out.write(line("F", fname, "error", message(e)))
        return
    out.write(line("F", fname, "ok"))
    seen = set()

    def walk(gid, prefix):
        try:
            addr = h5py.h5o.get_info(gid).addr
            if addr in seen:
                return
            seen.add(addr)
            names = []
            gid.links.iterate(names.append)
        except Exception as e:  # noqa: BLE001
            out.write(line("G", fname, prefix.rstrip(b"/") or b"/", "error", message(e)))
            return
        for name in names:
            p = prefix + name
            try:
                info = gid.links.get_info(name)
                if info.type != h5py.h5l.TYPE_HARD:
                    continue
                oid = h5py.h5o.open(gid, name)
                otype = h5py.h5o.get_info(oid).type
            except Exception as e:  # noqa: BLE001
                out.write(line("D", fname, p, "unopened", message(e)))
                continue
            if otype == h5py.h5o.TYPE_GROUP:
                walk(oid, p + b"/")
            elif otype == h5py.h5o.TYPE_DATASET:
                try:
                    out.write(dataset_line(fname, p, h5py.Dataset(oid)))
                except Exception as e:  # noqa: BLE001
                    out.write(line("D", fname, p, "error", message(e)))

    walk(f.id, b"")
    f.close()


def main():
    if len(sys.argv) != 3:
        sys.exit("usage: h5_testfiles.py DIR OUT")
    folder, out_path = sys.argv[1], sys.argv[2]
    names = sorted(n for n in os.listdir(folder) if n.endswith(".h5"))
    with open(out_path, "w") as out:
        for fname in names:
            walk_file(fname, os.path.join(folder, fname), out)

if __name__ == "__main__":
    main()
