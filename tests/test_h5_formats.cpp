// tests/test_h5_formats.cpp - what files of older HDF5 versions and of HDF5 features beyond h5py's defaults
// hold: layouts of versions 1 and 2, version 1 shared (committed) datatypes, message flags ("fail if
// unknown"), messages in the file's shared-message heap, the superblock's end-of-file address, the read limit;
// then the same cases in HDF5's own test files. The hand-built file (tests/h5_handmade.hpp) needs nothing, and
// h5py reads it as it is documented (checked below where h5py is present); the shared-message files come from
// tests/h5_fixtures.py through the HDF5 C library.
#include <doctest/doctest.h>

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <string>
#include <vector>

#include "io/h5/format.hpp"
#include "io/h5/h5file.hpp"
#include "tests/h5_fixture_path.hpp"
#include "tests/h5_handmade.hpp"
#include "tests/h5_test_util.hpp"
#include "tests/needs.hpp"
#include "tests/temp_files.hpp"

using namespace h5_test;
using h5_handmade::build_old_layouts;
using h5_handmade::kHandValues;
using h5_handmade::OldLayouts;

namespace {

const std::vector<std::string> kOldNames = {"a_contiguous_v1", "b_unwritten_v2", "c_compact_v1", "d_chunked_v1",
                                            "e_committed_v1",  "f_unknown_fail", "g_unknown_harmless"};

// The values build_old_layouts() documents, by dataset.
void check_old_layouts(const H5File& h) {
    check_values(h.read("a_contiguous_v1"), {2, 3}, "int32", [](std::size_t i) { return double(kHandValues[i]); });
    check_values(h.read("b_unwritten_v2"), {4}, "int32", [](std::size_t) { return double(0x11223344); });
    const std::vector<double> c = {7, -8, 9}, d = {10, 11, -1, -1, 14}, e = {300, -2, 7};
    check_values(h.read("c_compact_v1"), {3}, "int32", [&](std::size_t i) { return c[i]; });
    check_values(h.read("d_chunked_v1"), {5}, "int16", [&](std::size_t i) { return d[i]; });
    check_values(h.read("e_committed_v1"), {3}, "int16", [&](std::size_t i) { return e[i]; });
    check_values(h.read("g_unknown_harmless"), {2}, "int32", [](std::size_t i) { return double(3 + i); });
}

// The hand-built file with the superblock's end-of-file address set to eof.
Bytes with_eof_address(Bytes b, std::uint64_t eof) {
    put_le(b, 40, eof);
    return b;
}

}  // namespace

// ---- hand-built (always run) -----------------------------------------------------------------------------
TEST_CASE("h5: layouts of versions 1 and 2 (HDF5 before 1.6.3): contiguous, unallocated, compact, chunked") {
    const OldLayouts old = build_old_layouts();
    const H5File h = H5File::from_bytes("old.h5", old.file);
    CHECK(h.datasets() == kOldNames);  // the committed datatype t_type is no dataset
    check_old_layouts(h);
    // The element size a version 1 or 2 layout records must be the datatype's.
    Bytes b = old.file;
    const std::size_t layout = find_bytes(b, {1, 3, 1, 0, 0, 0, 0, 0});  // a_contiguous_v1: version 1, rank + 1
    put_le(b, layout + 8 + 8 + 8, 8, 4);                                  // element size 8 for an int32
    CHECK(error_of([&] { H5File::from_bytes("old.h5", b).read("a_contiguous_v1"); })
              .find("element size 8 in the data layout message differs from the datatype size 4") != std::string::npos);
}

TEST_CASE("h5: a compact dataset of no elements reads as empty (a fuzzer finding: memcpy from an empty buffer)") {
    Bytes b = build_old_layouts().file;
    const std::size_t space = find_bytes(b, {1, 1, 0, 0, 0, 0, 0, 0, 3, 0, 0, 0, 0, 0, 0, 0});  // c_compact_v1: (3,)
    put_le(b, space + 8, 0);
    const Array a = H5File::from_bytes("old.h5", b).read("c_compact_v1");
    CHECK(a.shape == std::vector<std::size_t>{0});
    CHECK(a.data.empty());
}

TEST_CASE("h5: a version 1 shared datatype is found after the link name offset of its symbol table entry") {
    // The mistake this guards against: taking the link name offset for the object header address.
    const OldLayouts old = build_old_layouts();
    const std::size_t at = old.shared_type_body;
    REQUIRE(old.file[at] == 1);
    CHECK(get_le(old.file, at + 8) == old.name_offset);
    CHECK(get_le(old.file, at + 16) == old.committed_type);
    const std::vector<double> e = {300, -2, 7};
    check_values(H5File::from_bytes("old.h5", old.file).read("e_committed_v1"), {3}, "int16",
                 [&](std::size_t i) { return e[i]; });
    // Versions 2 and 3 (type 2) store the address right after the version and type bytes.
    for (unsigned version : {2u, 3u}) {
        CAPTURE(version);
        Bytes b = old.file;
        b[at] = std::uint8_t(version);
        b[at + 1] = 2;
        put_le(b, at + 2, old.committed_type);
        check_values(H5File::from_bytes("old.h5", b).read("e_committed_v1"), {3}, "int16",
                     [&](std::size_t i) { return e[i]; });
    }
    // Pointing at an object without a datatype message, or into a shared-message heap the file does not have.
    Bytes b = old.file;
    b[at] = 2;
    put_le(b, at + 2, get_le(old.file, 64));  // the root group's object header (superblock, root entry)
    std::string err = error_of([&] { H5File::from_bytes("old.h5", b).read("e_committed_v1"); });
    CHECK(err.find("has no datatype message (the shared one of object header 0x") != std::string::npos);
    b[at] = 3;
    b[at + 1] = 1;
    err = error_of([&] { H5File::from_bytes("old.h5", b).read("e_committed_v1"); });
    CHECK(err.find("shared datatype message in the shared-message heap, but the superblock names no shared object "
                   "header message table") != std::string::npos);
    b[at + 1] = 0;
    err = error_of([&] { H5File::from_bytes("old.h5", b).read("e_committed_v1"); });
    CHECK(err.find("shared datatype message of type 0") != std::string::npos);
}

TEST_CASE("h5: an unknown message flagged \"fail if unknown\" refuses its object; the other flags do not") {
    const OldLayouts old = build_old_layouts();
    const H5File h = H5File::from_bytes("old.h5", old.file);
    const std::string e = error_of([&] { h.read("f_unknown_fail"); });
    CHECK(e.find("old.h5: object header at offset 0x") == 0);
    CHECK(e.find("message of unknown type 291 at offset 0x") != std::string::npos);
    CHECK(e.find("is flagged \"fail if unknown\"") != std::string::npos);
    CHECK(error_of([&] { h.info("f_unknown_fail"); }) == e);
    check_values(h.read("g_unknown_harmless"), {2}, "int32", [](std::size_t i) { return double(3 + i); });
    // The same flag on a known type (here the dataspace: 0x80 | 0x01) changes nothing.
    Bytes b = old.file;
    // g's header: the prefix (16 bytes), the dataspace and datatype messages (24 bytes each), the unknown one.
    const std::size_t header = find_bytes(b, {0x24, 0x01, 8, 0, 0x18}) - 16 - 48;
    REQUIRE(b[header + 16] == 0x01);
    b[header + 16 + 4] = 0x80;
    check_values(H5File::from_bytes("old.h5", b).read("g_unknown_harmless"), {2}, "int32",
                 [](std::size_t i) { return double(3 + i); });
}

TEST_CASE("h5: nothing at or past the superblock's end-of-file address is read, though the file goes on") {
    const OldLayouts old = build_old_layouts();
    // Bytes appended after the end-of-file address change nothing.
    Bytes longer = old.file;
    longer.resize(longer.size() + 1000, 0xee);
    check_old_layouts(H5File::from_bytes("old.h5", longer));
    // An end-of-file address inside a dataset's data: that read fails, naming the address and the file size.
    const std::size_t data = find_bytes(old.file, {1, 0, 0, 0, 0xfe, 0xff, 0xff, 0xff, 3, 0, 0, 0});
    const Bytes cut = with_eof_address(old.file, data + 8);
    const H5File h = H5File::from_bytes("old.h5", cut);
    CHECK(h.datasets() == kOldNames);
    const std::string e = error_of([&] { h.read("a_contiguous_v1"); });
    CHECK(e.find("old.h5: contiguous data of dataset 'a_contiguous_v1' at offset " + hex_offset(data).substr(7) +
                 ": truncated: 24 bytes needed (the superblock's end-of-file address is " +
                 hex_offset(data + 8).substr(7) + ", the file " + std::to_string(old.file.size()) + " bytes)") == 0);
    CHECK(h.read("c_compact_v1").data.size() == 3);  // compact data lies in its header, before the address
    // An end-of-file address before the datasets' headers: listing fails where the first one starts.
    const std::size_t first_header = find_bytes(old.file, {'S', 'N', 'O', 'D'}) + 8 + 8 * 40;
    const std::string l =
        error_of([&] { H5File::from_bytes("old.h5", with_eof_address(old.file, first_header)).datasets(); });
    CHECK(l.find("old.h5: object header at offset " + hex_offset(first_header).substr(7) +
                 ": starts beyond the end of the file (the superblock's end-of-file address is " +
                 hex_offset(first_header).substr(7) + ", the file ") == 0);
}

TEST_CASE("h5: a never-written dataset far larger than its file reads: the read limit bounds it, not the file") {
    // 2^22 int32 fill values (48 MiB to read) described by a 4 KiB file: more than 1100 x the file + 4 MiB,
    // the old bound on what a file could describe, which refused such files.
    Bytes b = build_old_layouts().file;
    const std::size_t space = find_bytes(b, {1, 1, 0, 0, 0, 0, 0, 0, 4, 0, 0, 0, 0, 0, 0, 0});  // b_unwritten_v2
    put_le(b, space + 8, std::uint64_t(1) << 22);
    const std::size_t layout = find_bytes(b, {2, 2, 1, 0, 0, 0, 0, 0});
    put_le(b, layout + 16, std::uint64_t(1) << 22, 4);
    const H5File h = H5File::from_bytes("old.h5", b);
    CHECK(h.info("b_unwritten_v2").memory_bytes == (std::uint64_t(1) << 22) * 12);
    const Array a = h.read("b_unwritten_v2");
    REQUIRE(a.data.size() == std::size_t(1) << 22);
    CHECK(std::all_of(a.data.begin(), a.data.end(), [](double v) { return v == 0x11223344; }));
}

TEST_CASE("h5: the hand-built old-layout file truncated or damaged anywhere throws std::runtime_error") {
    const Bytes good = build_old_layouts().file;
    std::vector<std::string> names = kOldNames;
    names.erase(std::find(names.begin(), names.end(), "f_unknown_fail"));
    const FuzzCount c = corrupt_everywhere("old.h5", good, names, 300, good.size());
    MESSAGE("old layouts: " << c.ok << " damaged copies still readable, " << c.threw << " threw");
    CHECK(c.threw > 300);
    CHECK(c.ok > 0);
}

TEST_CASE("h5: h5py reads the hand-built old-layout file as it is documented" * needs::h5py()) {
    // The file is built from the specification by hand: this checks it against the HDF5 library itself.
    const std::string path = (temp_files::dir("h5_formats") / "old.h5").string();
    const Bytes b = build_old_layouts().file;
    std::ofstream(path, std::ios::binary).write(reinterpret_cast<const char*>(b.data()), std::streamsize(b.size()));
    const std::string out = path + ".txt";
    const std::string script =
        "import h5py, sys\n"
        "f = h5py.File(sys.argv[1], 'r')\n"
        "for k in sorted(f):\n"
        "    try:\n"
        "        o = f[k]\n"
        "        print(k, o.dtype.str if isinstance(o, h5py.Dataset) else 'type', "
        "' '.join(str(v) for v in o[()].ravel()) if isinstance(o, h5py.Dataset) else o.dtype.str)\n"
        "    except Exception as e:\n"
        "        print(k, 'error', type(e).__name__)\n";
    const std::string cmd = "/usr/bin/python3 -c \"$H5_SCRIPT\" " + path + " >" + out + " 2>&1";
    REQUIRE(::setenv("H5_SCRIPT", script.c_str(), 1) == 0);
    const int rc = std::system(cmd.c_str());
    const std::vector<std::string> lines = read_lines(out);
    INFO("h5py printed: " << (lines.empty() ? std::string() : lines.back()));
    REQUIRE(rc == 0);
    CHECK(lines == std::vector<std::string>{"a_contiguous_v1 <i4 1 -2 3 -4 5 -2147483648",
                                                      "b_unwritten_v2 <i4 287454020 287454020 287454020 287454020",
                                                      "c_compact_v1 <i4 7 -8 9",
                                                      "d_chunked_v1 <i2 10 11 -1 -1 14",
                                                      "e_committed_v1 >i2 300 -2 7",
                                                      "f_unknown_fail error KeyError",
                                                      "g_unknown_harmless <i4 3 4",
                                                      "t_type type >i2"});
}

// ---- shared messages in the file's shared-message heap (h5py + the HDF5 C library) ---------------------------
TEST_CASE("h5: shared messages in the shared-message heap are followed, through a list or a B-tree index" *
          needs::hdf5_c_api()) {
    const std::string fixtures = h5_test::fixtures_dir();
    for (const std::string name : {"sohm_list.h5", "sohm_btree.h5"}) {
        CAPTURE(name);
        const std::string path = fixtures + "/" + name;
        const H5File h(path);
        CHECK(h.datasets() == read_lines(path + ".datasets.txt"));
        for (int k = 0; k < 3; ++k) {
            CAPTURE(k);
            // The fill value 7 stands for everything never written; 1..10 (+ k) were written at [10, 20).
            check_values(h.read("chunked" + std::to_string(k)), {40}, "int32",
                         [k](std::size_t i) { return i >= 10 && i < 20 ? double(i) - 9 + k : 7.0; });
            check_values(h.read("contiguous" + std::to_string(k)), {6, 5}, "float64", [](std::size_t) { return 2.5; });
        }
        // What makes these datasets the case: their messages point into the heap (shared, version 3, type 1).
        // tests/h5_fixtures.py checks the same with HDF5's own header info.
        dnn::io::h5::FileImage f;
        f.name = path;
        f.bytes = read_bytes(path);
        int in_heap = 0;
        for (std::size_t at = 0; at + 4 < f.bytes.size(); ++at) {
            if (f.bytes[at] != 'O' || f.bytes[at + 1] != 'H' || f.bytes[at + 2] != 'D' || f.bytes[at + 3] != 'R') continue;
            try {
                for (const dnn::io::h5::Message& m : dnn::io::h5::read_object_header(f, at).messages)
                    if ((m.flags & 0x02) && m.size >= 2 && f.bytes[m.offset] == 3 && f.bytes[m.offset + 1] == 1) ++in_heap;
            } catch (const std::runtime_error&) {
            }
        }
        CHECK(in_heap >= 4 * 4);  // dataspace, datatype, fill value and filter pipeline of chunked1 and chunked2 at least
        // A damaged table is an error that says so, never a message taken as missing.
        Bytes bad = f.bytes;
        const std::size_t table = find_bytes(bad, {'S', 'M', 'T', 'B'});
        bad[table] = 'X';
        const std::string e = error_of([&] { H5File::from_bytes(name, bad).read("contiguous1"); });
        CHECK(e.find(name + ": shared object header message table at offset " + hex_offset(table).substr(7) +
                     ": bad signature") == 0);
    }
}

// ---- the same in HDF5's own test files ------------------------------------------------------------------------
TEST_CASE("h5: the same cases among HDF5's own test files" * needs::hdf5_testfiles()) {
    const std::string dir = "../shared/hdf5-testfiles/";
    auto sum = [](const Array& a) {
        double s = 0;
        for (double v : a.data) s += v;
        return s;
    };
    // 1. Shared messages in the shared-message heap (this file's datasets are all zeros; h5py agrees).
    const H5File tsohm(dir + "h5stat_tsohm.h5");
    for (const std::string name : {"dataset", "dataset2", "dataset3"}) {
        const Array a = tsohm.read(name);
        CHECK(a.shape == std::vector<std::size_t>{5, 2});
        CHECK(a.dtype == "int64");
    }
    // 2. "Fail if unknown".
    const H5File bogus(dir + "tbogus.h5");
    CHECK(error_of([&] { bogus.read("Dataset3"); }).find("message of unknown type 9 at offset 0x6f8 is flagged") !=
          std::string::npos);
    CHECK(bogus.read("Dataset2").data == std::vector<double>{0});  // flag 0x08: fail only when writing
    // 3. A version 1 shared (committed) compound datatype: its header at 0x590 is reached, the compound refused.
    CHECK(error_of([&] { H5File(dir + "tcompound.h5").read("group1/dset2"); })
              .find("(shared, in object header 0x590) at offset 0x1d58: unsupported datatype class 6 (compound)") !=
          std::string::npos);
    // 4. Layouts of versions 1 and 2 (sums as h5py gives them).
    CHECK(sum(H5File(dir + "fill_old.h5").read("dset2")) == 284416);
    CHECK(sum(H5File(dir + "deflate.h5").read("Dataset1")) == 40000);
    CHECK(sum(H5File(dir + "btree_idx_1_6.h5").read("dset_filter")) == 45);
    CHECK(sum(H5File(dir + "tdset2.h5").read("dset2")) == 1350);
    CHECK(H5File(dir + "tstr.h5").read("string2").strings.at(0) == "ab cd ef1");
    // 5. What HDF5 refuses: a paged file cut inside a page, data past the end-of-file address.
    CHECK(error_of([&] { H5File(dir + "cve_2020_10810.h5"); })
              .find("the file space is paged (pages of 4096 bytes), but the end-of-file address 0x710 is not at a "
                    "page boundary") != std::string::npos);
    CHECK(error_of([&] { H5File(dir + "h5clear_fsm_persist_less.h5").datasets(); })
              .find("(the superblock's end-of-file address is 0x200, the file 2565 bytes)") != std::string::npos);
    // 6. A dataset too big to read is described; a metadata cache image is named.
    const H5File big(dir + "tbigdims.h5");
    CHECK(big.info("dset4gb").shape == std::vector<std::size_t>{4294967306});
    CHECK(big.info("dset4gb").dtype == "int8");
    CHECK(error_of([&] { big.read("dset4gb"); }).find("needs 38654705754 bytes in memory to read") != std::string::npos);
    CHECK(error_of([&] { H5File(dir + "h5clear_mdc_image.h5"); }).find("the file holds a metadata cache image") !=
          std::string::npos);
}
