#!/usr/bin/python3
"""tests/h5_fixtures.py - writes the HDF5 files that tests/test_h5.cpp reads, using h5py.

Usage: /usr/bin/python3 tests/h5_fixtures.py OUTDIR
       /usr/bin/python3 tests/h5_fixtures.py --check-c-api   (exit status 0 when the shared-message files can be
                                                              written: see hdf5_c_library)

Every value is a formula of the element's flat (C-order) index i, repeated in tests/test_h5.cpp, so the
C++ test checks real numbers, not a copy of what it read. Each file also gets OUTDIR/<file>.datasets.txt:
h5py's own list of dataset paths reachable through hard links (one per line, sorted), for datasets().

Files:
  default.h5   libver earliest: superblock 0, symbol-table groups, layout v3 (v1 B-tree chunk index)
  v108.h5      libver v108: superblock 2, link-message groups, layout v3
  latest.h5    libver latest: superblock 3, layout v4 with every chunk index (single, implicit, fixed
               array, extensible array, v2 B-tree), dense groups (fractal heap + v2 B-tree)
  userblock.h5 a 512-byte user block before the superblock
  small_default.h5, small_latest.h5  small files for the corruption tests
  paged.h5     libver latest: paged fixed array and extensible array chunk indexes
  sohm_list.h5, sohm_btree.h5  shared object header messages (datatype, dataspace, fill value, filter pipeline,
               attribute) in the file's shared-message heap, indexed by a list or by a B-tree; written only when
               the HDF5 C library h5py uses can be called through ctypes (h5py has no API for it)
(h5py cannot write superblock version 1 nor layouts before version 3; tests/h5_handmade.hpp builds them.)
"""
import ctypes
import os
import sys

import h5py
import numpy as np

# Integer formulas: signed v = (i - 10) * scale, unsigned v = i * scale, shape (4, 5).
INT_SCALES = {"i1": 12, "i2": 3000, "i4": 200000000, "i8": 2**58,
              "u1": 13, "u2": 3400, "u4": 226000000, "u8": 2**59}


def ints(code):
    i = np.arange(20, dtype=np.int64 if code[0] == "i" else np.uint64).reshape(4, 5)
    if code[0] == "i":
        return (i - 10) * np.int64(INT_SCALES[code])
    return i * np.uint64(INT_SCALES[code])


def fixed_string(f, name, size, pad, values):
    """A fixed-length string dataset with an explicit padding type (h5py's default is NULLPAD)."""
    tid = h5py.h5t.C_S1.copy()
    tid.set_size(size)
    tid.set_strpad(pad)
    space = h5py.h5s.create_simple((len(values),))
    dset = h5py.h5d.create(f.id, name.encode(), tid, space)
    if pad == h5py.h5t.STR_SPACEPAD:
        values = [v.ljust(size) for v in values]  # the padding itself must be spaces
    buf = np.array(values, dtype="S%d" % size)
    dset.write(h5py.h5s.ALL, h5py.h5s.ALL, buf, mtype=tid)


def populate(f, latest):
    """The datasets every big fixture has. latest: libver latest (for the layout v4 chunk indexes)."""
    for code in INT_SCALES:
        for order in "<>":
            f.create_dataset("ints/%s_%s" % ("le" if order == "<" else "be", code),
                             data=ints(code).astype(order + code))
    for code in ("f2", "f4", "f8"):
        for order in "<>":
            v = (np.arange(12).reshape(3, 4) - 5.5) * 0.25
            f.create_dataset("floats/%s_%s" % ("le" if order == "<" else "be", code), data=v.astype(order + code))
    f.create_dataset("floats/special", data=np.array([np.inf, -np.inf, np.nan, 5e-324, -0.0, 1e308]))

    f.create_dataset("strings/nullpad", data=np.array([b"non-cat", b"cat", b"", b"abc"], dtype="S7"))
    fixed_string(f, "strings/nullterm", 6, h5py.h5t.STR_NULLTERM, [b"hello", b"a", b"xyz"])
    fixed_string(f, "strings/spacepad", 5, h5py.h5t.STR_SPACEPAD, [b"ab", b"abcde", b" x"])

    f["scalar_f8"] = 42.5
    f["scalar_i4"] = np.int32(-7)
    f.create_dataset("empty", shape=(0,), dtype="f8")
    f["null"] = h5py.Empty("f8")
    f["bool"] = np.array([True, False, True])

    # layout: compact and contiguous
    dcpl = h5py.h5p.create(h5py.h5p.DATASET_CREATE)
    dcpl.set_layout(h5py.h5d.COMPACT)
    f.create_dataset("layout/compact", data=np.arange(6, dtype="i2") * -3, dcpl=dcpl)
    f.create_dataset("layout/contiguous", data=np.arange(70).reshape(10, 7) / 8.0)

    # chunked, with partial edge chunks; formulas in the comments
    c = "chunked/"
    v1 = np.arange(1000, dtype="i4") * 7 - 3000                            # i*7 - 3000
    f.create_dataset(c + "c1d", data=v1, chunks=(64,))
    f.create_dataset(c + "c1d_gzip", data=v1, chunks=(64,), compression="gzip", compression_opts=4)
    v2 = np.arange(37 * 23).reshape(37, 23) * 0.5                          # i*0.5
    f.create_dataset(c + "c2d", data=v2, chunks=(8, 5))
    f.create_dataset(c + "c2d_gzip_shuffle", data=v2.astype("f4"), chunks=(8, 5), compression="gzip",
                     shuffle=True)
    v4 = (np.arange(7 * 9 * 5 * 3) % 251).astype("u1").reshape(7, 9, 5, 3)  # i % 251
    f.create_dataset(c + "c4d", data=v4, chunks=(3, 4, 2, 3))
    f.create_dataset(c + "c4d_gzip", data=v4, chunks=(3, 4, 2, 3), compression="gzip", compression_opts=9)
    f.create_dataset(c + "fletcher", data=np.arange(100, dtype=">i4") - 50, chunks=(16,),   # i - 50
                     compression="gzip", fletcher32=True)
    f.create_dataset(c + "shuffle_only", data=np.arange(50, dtype="<i8") * 1000003, chunks=(7,),  # i*1000003
                     shuffle=True)
    # one unlimited dimension (extensible array under latest): i * 1.5
    d = f.create_dataset(c + "resizable", shape=(10,), maxshape=(None,), chunks=(8,), dtype="f8")
    d.resize((53,))
    d[:] = np.arange(53) * 1.5
    d = f.create_dataset(c + "resizable_gzip", shape=(10,), maxshape=(None,), chunks=(8,), dtype="f8",
                         compression="gzip")
    d.resize((53,))
    d[:] = np.arange(53) * 1.5
    # two unlimited dimensions (v2 B-tree under latest, 150 chunks: an internal node): i - 100
    v = np.arange(60 * 40).reshape(60, 40) - 100
    f.create_dataset(c + "resizable_2d", data=v, maxshape=(None, None), chunks=(4, 4), dtype="i4")
    f.create_dataset(c + "resizable_2d_gzip", data=v, maxshape=(None, None), chunks=(4, 4), dtype="i4",
                     compression="gzip")
    # fixed maximum larger than the shape: the chunk grid follows the maximum (fixed array): i
    f.create_dataset(c + "fixed_max", data=np.arange(70).reshape(10, 7), maxshape=(20, 9), chunks=(3, 4), dtype="i4")
    # the unlimited dimension last (an extensible array numbers chunks with it first): i
    d = f.create_dataset(c + "unlimited_last", shape=(5, 7), maxshape=(9, None), chunks=(2, 3), dtype="i4")
    d.resize((5, 11))
    d[...] = np.arange(55).reshape(5, 11)
    # grown after a first write: i for i < 24, then i - 24 + 100
    d = f.create_dataset(c + "grown", shape=(4, 6), maxshape=(None, 6), chunks=(3, 4), dtype="f8")
    d[...] = np.arange(24).reshape(4, 6)
    d.resize((9, 6))
    d[4:] = np.arange(30).reshape(5, 6) + 100
    # a chunk that covers the whole dataset (single-chunk index under latest): i
    v = np.arange(144, dtype="u2").reshape(12, 12)
    f.create_dataset(c + "single", data=v, chunks=(12, 12))
    f.create_dataset(c + "single_gzip", data=v, chunks=(12, 12), compression="gzip")
    # early allocation, no filter (implicit index under latest): i * 3
    dcpl = h5py.h5p.create(h5py.h5p.DATASET_CREATE)
    dcpl.set_alloc_time(h5py.h5d.ALLOC_TIME_EARLY)
    f.create_dataset(c + "implicit", data=np.arange(400, dtype="i4").reshape(20, 20) * 3, chunks=(6, 6), dcpl=dcpl)

    # fill values for chunks never written
    d = f.create_dataset("fill/partial", shape=(40,), chunks=(10,), dtype="i2", fillvalue=-7)
    d[10:20] = np.arange(1, 11)                                            # -7 except [10:20] = 1..10
    d = f.create_dataset("fill/partial_ea", shape=(40,), maxshape=(None,), chunks=(5,), dtype="i2", fillvalue=9)
    d[12:18] = np.arange(6)                                                # 9 except [12:18] = 0..5
    f.create_dataset("fill/never_written", shape=(5,), chunks=(5,), dtype="f8", fillvalue=3.25)
    d = f.create_dataset("fill/gzip_partial", shape=(30, 30), chunks=(10, 10), dtype="f4", fillvalue=0.5,
                         compression="gzip")
    d[0:10, 10:20] = 2.0                                                   # 0.5 except that block

    # groups, attributes, links
    g = f.create_group("g1/g2/g3")
    g.attrs["note"] = "attributes must not get in the way"
    f["g1"].attrs["n"] = np.arange(5)
    d = f.create_dataset("g1/g2/g3/deep", data=np.array([1, 2, 3], dtype="i4"))
    d.attrs["units"] = b"none"
    d.attrs["scale"] = 2.5
    f["alias"] = f["layout/contiguous"]         # a second hard link to the same dataset
    f["soft"] = h5py.SoftLink("/layout/compact")
    f["external"] = h5py.ExternalLink("elsewhere.h5", "/x")
    f["g1/up"] = f["g1"]                        # a link back up: a cycle through hard links

    # an old-style group with enough members for a v1 B-tree with an internal node (400 members: many
    # symbol table nodes), or a dense group under v108/latest: [i, -i]
    many = f.create_group("many")
    for k in range(400):
        many.create_dataset("d%03d" % k, data=np.array([k, -k], dtype="i4"))

    # types this reader refuses with a clear error
    f.create_dataset("unsupported/vlen_str", data=["a", "bc"], dtype=h5py.string_dtype())
    f.create_dataset("unsupported/compound", data=np.zeros(3, dtype=[("a", "i4"), ("b", "f8")]))
    f.create_dataset("unsupported/lzf", data=np.arange(100), chunks=(10,), compression="lzf")

    # a committed (named) datatype used by a dataset: i * 11
    f["types/int16_le"] = np.dtype("<i2")
    f.create_dataset("types/committed", data=np.arange(9, dtype="<i2") * 11, dtype=f["types/int16_le"])


def make_filter_mandatory_zstd(path, name):
    """Turns the (optional) deflate filter of dataset `name` into a mandatory zstd filter (id 32015) by
    editing its filter pipeline message in place: h5py cannot write one, and the reader must refuse it up
    front.
    Only for version 1 object headers (libver earliest), which carry no checksum."""
    with h5py.File(path, "r") as f:
        addr = h5py.h5o.get_info(f[name].id).addr
    data = bytearray(open(path, "rb").read())
    assert data[addr] == 1, "expected a version 1 object header"
    pos, end = addr + 16, addr + 16 + int.from_bytes(data[addr + 8:addr + 12], "little")
    while pos + 8 <= end:
        mtype, size = int.from_bytes(data[pos:pos + 2], "little"), int.from_bytes(data[pos + 2:pos + 4], "little")
        if mtype == 0x000B:
            body = pos + 8
            assert data[body] == 1 and int.from_bytes(data[body + 8:body + 10], "little") == 1
            data[body + 8:body + 10] = (32015).to_bytes(2, "little")  # filter id: zstd
            data[body + 12:body + 14] = (0).to_bytes(2, "little")    # flags: mandatory
            name_length = int.from_bytes(data[body + 10:body + 12], "little")
            if name_length >= 8:                                      # the stored name, "deflate"
                data[body + 16:body + 24] = b"zstd\0\0\0\0"
            open(path, "wb").write(bytes(data))
            return
        pos += 8 + size
    raise RuntimeError("no filter pipeline message in " + name)


def list_datasets(f):
    """Every dataset path reachable through hard links, each group expanded once (as datasets() does)."""
    out, seen = [], set()

    def walk(group, prefix):
        addr = h5py.h5o.get_info(group.id).addr
        if addr in seen:
            return
        seen.add(addr)
        for name in group:
            link = group.get(name, getlink=True)
            if not isinstance(link, h5py.HardLink):
                continue
            obj = group[name]
            if isinstance(obj, h5py.Dataset):
                out.append(prefix + name)
            elif isinstance(obj, h5py.Group):
                walk(obj, prefix + name + "/")

    walk(f, "")
    return sorted(out)


def finish(path):
    with h5py.File(path, "r") as f:
        names = list_datasets(f)
    with open(path + ".datasets.txt", "w") as out:
        out.write("".join(n + "\n" for n in names))


def small(f):
    """A small file with one of most structures, for truncation and bit-flip tests."""
    f.create_dataset("x", data=np.arange(12, dtype="<i4").reshape(3, 4))           # i
    f.create_dataset("z", data=np.arange(200, dtype="f8").reshape(20, 10), chunks=(6, 4),
                     compression="gzip", shuffle=True)                               # i
    f.create_dataset("s", data=np.array([b"ab", b"cde"], dtype="S4"))
    f.create_dataset("g/e", shape=(20,), maxshape=(None,), chunks=(3,), data=np.arange(20, dtype="u2"))  # i
    f.create_dataset("g/b", data=np.arange(64, dtype="i2").reshape(8, 8), maxshape=(None, None),
                     chunks=(3, 3), compression="gzip")                              # i
    for k in range(10):
        f["g/h/n%d" % k] = np.int8(k)                                                # k (dense under latest)


def hdf5_c_library():
    """The HDF5 C library this h5py is linked with, loaded through ctypes (found in /proc/self/maps), with the
    argument types of the three calls used here; None where it cannot be found or lacks them."""
    try:
        with open("/proc/self/maps") as maps:
            paths = [line.split()[5] for line in maps if len(line.split()) >= 6]
    except OSError:
        return None
    for path in paths:
        base = os.path.basename(path)
        if base.startswith("libhdf5") and ".so" in base and "_hl" not in base and "hl." not in base:
            try:
                lib = ctypes.CDLL(path)
                hid = ctypes.c_int64  # hid_t since HDF5 1.10
                lib.H5Pset_shared_mesg_nindexes.argtypes = [hid, ctypes.c_uint]
                lib.H5Pset_shared_mesg_index.argtypes = [hid, ctypes.c_uint, ctypes.c_uint, ctypes.c_uint]
                lib.H5Pset_shared_mesg_phase_change.argtypes = [hid, ctypes.c_uint, ctypes.c_uint]
                return lib
            except (OSError, AttributeError):
                return None
    return None


# H5O_SHMESG_*_FLAG: 1 << the message type (dataspace 0x1, datatype 0x3, fill value 0x5, filter pipeline 0xB,
# attribute 0xC).
SHMESG_ALL = (1 << 0x1) | (1 << 0x3) | (1 << 0x5) | (1 << 0xB) | (1 << 0xC)


def shared_messages(path, lib, btree):
    """Datasets whose header messages are shared through the file's shared-message heap: the first dataset of
    each kind keeps its messages (HDF5 moves a message to the heap when a second object uses it), the others
    point into the heap. btree: index the heap with a v2 B-tree from the first message instead of a list.
      chunked<k>      int32 (40,), chunks of 10, gzip, fill value 7, [10:20] = i - 9 + k (so 7 elsewhere),
                      an attribute "units" = "metres"
      contiguous<k>   float64 (6, 5), never written, fill value 2.5"""
    fcpl = h5py.h5p.create(h5py.h5p.FILE_CREATE)
    if lib.H5Pset_shared_mesg_nindexes(fcpl.id, 1) < 0 or lib.H5Pset_shared_mesg_index(fcpl.id, 0, SHMESG_ALL, 0) < 0:
        raise RuntimeError("H5Pset_shared_mesg_nindexes / H5Pset_shared_mesg_index failed")
    if btree and lib.H5Pset_shared_mesg_phase_change(fcpl.id, 0, 0) < 0:
        raise RuntimeError("H5Pset_shared_mesg_phase_change failed")
    fid = h5py.h5f.create(path.encode(), h5py.h5f.ACC_TRUNC, fcpl=fcpl)
    with h5py.File(fid) as f:
        for k in range(3):
            d = f.create_dataset("chunked%d" % k, shape=(40,), chunks=(10,), dtype="i4", fillvalue=7,
                                 compression="gzip")
            d[10:20] = np.arange(1, 11) + k
            d.attrs["units"] = "metres"
            f.create_dataset("contiguous%d" % k, shape=(6, 5), dtype="f8", fillvalue=2.5)
    # What makes the case: HDF5's own header info says those messages of the later datasets are shared.
    wanted = {"chunked": SHMESG_ALL & ~(1 << 0xC), "contiguous": (1 << 0x1) | (1 << 0x3) | (1 << 0x5)}
    with h5py.File(path, "r") as f:
        for kind, bits in wanted.items():
            for k in (1, 2):
                shared = h5py.h5o.get_info(f["%s%d" % (kind, k)].id).hdr.mesg.shared
                if shared & bits != bits:
                    raise RuntimeError("%s: %s%d shares messages 0x%x, not all of 0x%x" % (path, kind, k, shared, bits))


def main():
    if len(sys.argv) == 2 and sys.argv[1] == "--check-c-api":
        sys.exit(0 if hdf5_c_library() is not None else 1)
    if len(sys.argv) != 2:
        sys.exit("usage: h5_fixtures.py OUTDIR")
    out = sys.argv[1]
    os.makedirs(out, exist_ok=True)
    p = lambda name: os.path.join(out, name)

    for name, libver in (("default.h5", "earliest"), ("v108.h5", ("v108", "v108")), ("latest.h5", "latest")):
        with h5py.File(p(name), "w", libver=libver) as f:
            populate(f, libver == "latest")
            if libver == "earliest":  # edited into a mandatory zstd filter below
                f.create_dataset("unsupported/zstd", data=np.arange(100), chunks=(10,), compression="gzip")
            if libver == "latest":
                # a dense group big enough for a name index of depth 2: value k
                dense = f.create_group("dense")
                for k in range(1500):
                    dense["n%04d" % k] = np.int32(k)
        if libver == "earliest":
            make_filter_mandatory_zstd(p(name), "unsupported/zstd")
        finish(p(name))

    with h5py.File(p("userblock.h5"), "w", userblock_size=512) as f:
        small(f)
    finish(p("userblock.h5"))

    for name, libver in (("small_default.h5", "earliest"), ("small_latest.h5", "latest")):
        with h5py.File(p(name), "w", libver=libver) as f:
            small(f)
        finish(p(name))

    with h5py.File(p("paged.h5"), "w", libver="latest") as f:
        # fixed array with 3000 one-element chunks: paged (1024 per page); only pages 0 and 2 written
        d = f.create_dataset("fa", shape=(3000,), chunks=(1,), dtype="u1")
        d[0:100] = np.arange(100)                     # v = i for i < 100, i - 2000 for 2100 <= i < 2200
        d[2100:2200] = np.arange(100)
        # extensible array with 140000 one-element chunks: secondary blocks with paged data blocks
        d = f.create_dataset("ea", shape=(140000,), maxshape=(None,), chunks=(1,), dtype="u1")
        d[0:1000] = np.arange(1000) % 256             # i % 256 for i < 1000
        d[135000:136000] = np.arange(1000) % 256      # (i - 135000) % 256 there, else 0
        d = f.create_dataset("fa_gzip", data=np.arange(2000, dtype="i4") * 2, chunks=(1,), compression="gzip")
    finish(p("paged.h5"))

    lib = hdf5_c_library()
    if lib is not None:
        for name, btree in (("sohm_list.h5", False), ("sohm_btree.h5", True)):
            shared_messages(p(name), lib, btree)
            finish(p(name))


if __name__ == "__main__":
    main()
