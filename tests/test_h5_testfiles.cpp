// tests/test_h5_testfiles.cpp - the reader on HDF5's own test files (../shared/hdf5-testfiles/: 426 files written
// by HDF5 1.0 to 1.14, damaged ones among them), dataset by dataset against h5py's reading of them.
//
// tests/h5_testfiles.py dumps h5py's view of every file in one run (a CRC-32 of each dataset's values); this test
// reads every dataset with the reader and sorts each into:
//   identical  the same shape, dtype and values as h5py (numbers and fixed-length strings);
//   error      a clear std::runtime_error (naming the file and an offset), grouped by reason, apart by what h5py
//              made of the dataset: numbers or strings, something else (compound, variable-length, ...), or an
//              error of its own;
//   wrong      anything else: other values, shape or dtype than h5py's, values where h5py reads something else
//              or refuses the file, a dataset one of the two lists and the other does not, an unclear error,
//              and an error on what h5py reads as numbers or strings that is not an unsupported feature (or
//              the read limit).
// It fails on any wrong one, and prints the counts by reason.
#include <doctest/doctest.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <functional>
#include <map>
#include <regex>
#include <memory>
#include <set>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include "io/crc32.hpp"
#include "io/h5/h5file.hpp"
#include "tests/needs.hpp"
#include "tests/temp_files.hpp"

using dnn::io::Array;
using dnn::io::H5File;

namespace {

const std::string kDir = "../shared/hdf5-testfiles";

std::string unescape(const std::string& s) {
    std::string out;
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s[i] == '%' && i + 2 < s.size()) {
            out += char(std::stoi(s.substr(i + 1, 2), nullptr, 16));
            i += 2;
        } else {
            out += s[i];
        }
    }
    return out;
}

std::vector<std::string> split_tabs(const std::string& line) {
    std::vector<std::string> out;
    std::size_t at = 0;
    for (;;) {
        const std::size_t tab = line.find('\t', at);
        out.push_back(unescape(line.substr(at, tab == std::string::npos ? std::string::npos : tab - at)));
        if (tab == std::string::npos) return out;
        at = tab + 1;
    }
}

// What h5py made of one dataset (a D line of tests/h5_testfiles.py).
struct H5pyView {
    std::string kind;  // num, str, big, other, error
    std::string dtype, shape, crc, head, what;
};

struct FileView {
    std::string error;                       // h5py could not open the file
    std::vector<std::string> group_errors;   // groups h5py could not list
    std::map<std::string, H5pyView> datasets;
};

std::string shape_text(const std::vector<std::size_t>& shape) {
    std::string s = "(";
    for (std::size_t i = 0; i < shape.size(); ++i) s += (i ? "," : "") + std::to_string(shape[i]);
    return s + ")";
}

std::string crc_text(std::uint32_t crc) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%08x", crc);
    return buf;
}

// The CRC-32 tests/h5_testfiles.py computes: float64 little-endian (NaN canonical), or (length, bytes) per string.
std::string crc_of(const Array& a) {
    std::uint32_t crc = 0;
    if (!a.strings.empty() || a.dtype.rfind("|S", 0) == 0) {
        for (const std::string& s : a.strings) {
            const std::uint32_t n = std::uint32_t(s.size());
            const unsigned char len[4] = {std::uint8_t(n), std::uint8_t(n >> 8), std::uint8_t(n >> 16), std::uint8_t(n >> 24)};
            crc = dnn::io::crc32(len, 4, crc);
            crc = dnn::io::crc32(s.data(), s.size(), crc);
        }
        return crc_text(crc);
    }
    std::vector<unsigned char> buf;
    buf.reserve(8 * std::min<std::size_t>(a.data.size(), 1 << 16));
    for (std::size_t i = 0; i < a.data.size(); ++i) {
        std::uint64_t bits;
        const double v = a.data[i];
        if (std::isnan(v)) bits = 0x7ff8000000000000ull;
        else std::memcpy(&bits, &v, 8);
        for (int b = 0; b < 8; ++b) buf.push_back(std::uint8_t(bits >> (8 * b)));
        if (buf.size() >= 8 << 16) {
            crc = dnn::io::crc32(buf.data(), buf.size(), crc);
            buf.clear();
        }
    }
    return crc_text(dnn::io::crc32(buf.data(), buf.size(), crc));
}

std::string head_of(const Array& a) {
    std::ostringstream s;
    for (std::size_t i = 0; i < 4 && i < a.data.size(); ++i) s << (i ? " " : "") << a.data[i];
    for (std::size_t i = 0; i < 4 && i < a.strings.size(); ++i) s << (i ? " " : "") << "'" << a.strings[i] << "'";
    return s.str();
}

// "file: structure at offset 0x1f0: unsupported thing 3 at offset 0x1f8" -> "structure: unsupported thing 3":
// the file, offsets, sizes and quoted names taken out, so that one reason groups the datasets it stops.
std::string reason_of(const std::string& message, const std::string& file) {
    std::string m = message.rfind(file + ": ", 0) == 0 ? message.substr(file.size() + 2) : message;
    static const std::pair<std::regex, std::string> rules[] = {
        {std::regex("0x[0-9a-f]+"), "0x.."},
        {std::regex("([ (])'[^']*'"), "$1'..'"},
        {std::regex("(file is|it has|the file) [0-9]+ bytes"), "$1 N bytes"},
        {std::regex(" at offset 0x\\.\\.: "), ": "},
        {std::regex(" at offset 0x\\.\\."), ""},
    };
    for (const auto& [pattern, replacement] : rules) m = std::regex_replace(m, pattern, replacement);
    return m;
}

bool clear_error(const std::string& message, const std::string& file) {
    return message.rfind(file + ": ", 0) == 0 &&
           (message.find("offset 0x") != std::string::npos || message.find("no dataset '") != std::string::npos ||
            message.find("not an HDF5 file") != std::string::npos);
}

struct Tally {
    std::ofstream log;  // every dataset's outcome, when DNN_H5_TESTFILES_LOG names a file
    int identical = 0;
    std::map<std::string, int> errors;  // "h5py ...: reason" -> count
    std::map<std::string, int> file_errors;  // files the reader cannot open or list: "h5py ... | reason" -> count
    std::vector<std::string> wrong;
    int files = 0;

    void error(const std::string& where, const std::string& h5py_side, const std::string& message,
               const std::string& reason) {
        ++errors[h5py_side + " | " + reason];
        if (log.is_open()) log << where << "\terror\t" << h5py_side << "\t" << message << "\n";
    }
    void same(const std::string& where) {
        ++identical;
        if (log.is_open()) log << where << "\tidentical\n";
    }
};

// Reads one file with the reader and sorts each of its datasets (h5py's and the reader's) into the tally.
void check_file(const std::string& name, const FileView& view, Tally& t) {
    const std::string path = kDir + "/" + name;
    std::string open_error;
    std::vector<std::string> listed;
    bool listing_ok = false;
    std::unique_ptr<H5File> file;
    try {
        file = std::make_unique<H5File>(path);
        listed = file->datasets();
        listing_ok = true;
    } catch (const std::runtime_error& e) {
        open_error = e.what();
    } catch (const std::exception& e) {
        t.wrong.push_back(name + ": not a std::runtime_error: " + e.what());
        return;
    }
    if (!listing_ok) {
        if (t.log.is_open()) t.log << name << "\tfile error\t" << open_error << "\n";
        if (!clear_error(open_error, path)) t.wrong.push_back(name + ": unclear error: " + open_error);
        else ++t.file_errors[(view.error.empty() ? "h5py opens it" : "h5py refuses it too") + std::string(" | ") +
                             reason_of(open_error, path)];
    }
    std::set<std::string> paths(listed.begin(), listed.end());
    for (const auto& [p, v] : view.datasets)  // an object h5py cannot open counts if the reader takes it for a dataset
        if (v.kind != "unopened" || std::count(listed.begin(), listed.end(), p)) paths.insert(p);
    // A file h5py cannot open but whose datasets the reader lists and reads: every one is wrong.
    for (const std::string& p : paths) {
        const auto it = view.datasets.find(p);
        const bool h5py_lists = it != view.datasets.end();
        const std::string where = name + " " + p;
        if (listing_ok && !h5py_lists && view.error.empty() && view.group_errors.empty())
            t.wrong.push_back(where + ": listed by the reader, not by h5py");
        if (listing_ok && h5py_lists && it->second.kind != "unopened" && !std::count(listed.begin(), listed.end(), p))
            t.wrong.push_back(where + ": listed by h5py, not by the reader");

        std::string error = open_error;
        Array a;
        bool read = false;
        if (file && h5py_lists && it->second.kind == "big") {
            // Too big for h5py's side to compare: info() must give h5py's shape and dtype without reading.
            try {
                const dnn::io::DatasetInfo info = file->info(p);
                if (shape_text(info.shape) != it->second.shape || info.dtype != it->second.dtype)
                    t.wrong.push_back(where + ": info() gives " + shape_text(info.shape) + " " + info.dtype +
                                      ", h5py " + it->second.shape + " " + it->second.dtype);
            } catch (const std::runtime_error& e) {
                t.wrong.push_back(where + ": info() fails: " + e.what());
            }
        }
        if (file) {
            try {
                a = file->read(p);
                read = true;
            } catch (const std::runtime_error& e) {
                error = e.what();
            } catch (const std::exception& e) {
                t.wrong.push_back(where + ": not a std::runtime_error: " + e.what());
                continue;
            }
        }
        if (!read && !clear_error(error, path)) {
            t.wrong.push_back(where + ": unclear error: " + error);
            continue;
        }
        const std::string h5py_kind = h5py_lists ? it->second.kind : "error";
        const std::string h5py_side = !h5py_lists ? (!view.error.empty()          ? "h5py: refuses the file"
                                                     : !view.group_errors.empty() ? "h5py: cannot list its group"
                                                                                  : "h5py: not listed")
                                      : h5py_kind == "num" || h5py_kind == "str" ? "h5py: numbers/strings"
                                      : h5py_kind == "big" ? "h5py: numbers/strings (too big to compare)"
                                      : h5py_kind == "other" ? "h5py: other type"
                                      : h5py_kind == "unopened" ? "h5py: cannot open the object"
                                                                : "h5py: refuses it";
        if (!read) {
            // What h5py reads as numbers or strings the reader may refuse only as a feature it does not support
            // (a filter, a datatype, a layout) or as too big for its read limit, never as a decoding failure.
            const bool h5py_reads = h5py_kind == "num" || h5py_kind == "str" || h5py_kind == "big";
            if (h5py_reads && error.find("unsupported") == std::string::npos && error.find("read limit") == std::string::npos)
                t.wrong.push_back(where + ": h5py reads it, the reader fails: " + error);
            else
                t.error(where, h5py_side, error, reason_of(error, path));
            continue;
        }
        if (!h5py_lists || h5py_kind == "error" || h5py_kind == "unopened") {
            t.wrong.push_back(where + ": the reader reads " + shape_text(a.shape) + " " + a.dtype + " [" + head_of(a) +
                              "] where " + (h5py_lists             ? "h5py refuses it: " + it->second.what
                                            : !view.error.empty() ? "h5py refuses the file: " + view.error
                                            : !view.group_errors.empty() ? "h5py cannot list " + view.group_errors[0]
                                                                         : std::string("h5py does not list it")));
            continue;
        }
        const H5pyView& v = it->second;
        if (v.kind == "other") {
            t.wrong.push_back(where + ": the reader reads " + a.dtype + " where h5py reads " + v.what);
            continue;
        }
        const bool null_ok = v.shape == "null" && a.shape == std::vector<std::size_t>{0} && a.size() == 0;
        if (!null_ok && shape_text(a.shape) != v.shape) {
            t.wrong.push_back(where + ": shape " + shape_text(a.shape) + ", h5py " + v.shape);
            continue;
        }
        if (a.dtype != v.dtype) {
            t.wrong.push_back(where + ": dtype " + a.dtype + ", h5py " + v.dtype);
            continue;
        }
        if (v.kind == "big") {  // read within the limit: shape and dtype agree, values not compared
            t.same(where);
            continue;
        }
        const std::string crc = v.shape == "null" ? crc_text(0) : crc_of(a);
        if (crc != v.crc) {
            t.wrong.push_back(where + ": values differ: reader [" + head_of(a) + "], h5py [" + v.head + "]");
            continue;
        }
        t.same(where);
    }
}

}  // namespace

TEST_CASE("h5: HDF5's own test files read as h5py reads them, or fail with a clear error" * needs::hdf5_testfiles() *
          needs::h5py()) {
    const std::string out = (temp_files::dir("h5_testfiles") / "h5py_view.txt").string();
    const std::string log = out + ".log";
    const std::string cmd = "/usr/bin/python3 tests/h5_testfiles.py " + kDir + " " + out + " >" + log + " 2>&1";
    if (std::system(cmd.c_str()) != 0) {
        std::ostringstream text;
        text << std::ifstream(log).rdbuf();
        FAIL("tests/h5_testfiles.py failed (run from the repository root?):\n" << text.str());
    }
    std::map<std::string, FileView> files;
    std::ifstream in(out);
    for (std::string line; std::getline(in, line);) {
        const std::vector<std::string> f = split_tabs(line);
        REQUIRE(f.size() >= 3);
        FileView& view = files[f[1]];
        if (f[0] == "F") {
            if (f[2] == "error") view.error = f.at(3);
        } else if (f[0] == "G") {
            view.group_errors.push_back(f.at(2) + ": " + f.at(4));
        } else if (f[0] == "D") {
            H5pyView v;
            v.kind = f.at(3);
            if (v.kind == "num" || v.kind == "str") {
                v.dtype = f.at(4), v.shape = f.at(5), v.crc = f.at(6), v.head = f.at(8);
            } else if (v.kind == "big") {
                v.dtype = f.at(4), v.shape = f.at(5);
            } else {
                v.what = f.at(4);
            }
            view.datasets[f[2]] = v;
        }
    }
    REQUIRE_MESSAGE(files.size() > 0, "tests/h5_testfiles.py found no .h5 file in " << kDir);

    Tally t;
    if (const char* log_path = std::getenv("DNN_H5_TESTFILES_LOG")) t.log.open(log_path);
    for (const auto& [name, view] : files) {
        ++t.files;
        check_file(name, view, t);
    }

    std::ostringstream report;
    int errors = 0;
    for (const auto& [reason, n] : t.errors) errors += n;
    report << t.files << " files: " << t.identical << " datasets identical, " << errors << " clear errors, "
           << t.wrong.size() << " wrong\nclear errors by what h5py does | the reader's reason:\n";
    std::vector<std::pair<int, std::string>> by_count;
    for (const auto& [reason, n] : t.errors) by_count.push_back({-n, reason});
    std::sort(by_count.begin(), by_count.end());
    for (const auto& [n, reason] : by_count) report << "  " << -n << "  " << reason << "\n";
    int refused = 0;
    for (const auto& [reason, n] : t.file_errors) refused += n;
    report << refused << " files the reader cannot open or list (their datasets that h5py lists are counted above):\n";
    for (const auto& [reason, n] : t.file_errors) report << "  " << n << "  " << reason << "\n";
    if (!t.wrong.empty()) {
        report << "wrong:\n";
        for (const std::string& w : t.wrong) report << "  " << w << "\n";
    }
    MESSAGE(report.str());
    CHECK(t.identical > 0);
    CHECK_MESSAGE(t.wrong.empty(), t.wrong.size() << " datasets wrong (listed above)");
}
