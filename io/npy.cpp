// io/npy.cpp - .npy encoding and decoding, written from the format description in numpy.lib.format.
#include "io/npy.hpp"

#include <bit>
#include <cmath>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <limits>
#include <map>
#include <stdexcept>

#include "io/atomic_write.hpp"

namespace dnn::io {
namespace {

constexpr std::uint8_t kMagic[6] = {0x93, 'N', 'U', 'M', 'P', 'Y'};
constexpr std::size_t kAlign = 64;  // numpy's ARRAY_ALIGN: the data starts at a multiple of this

[[noreturn]] void fail_at(const std::string& source, const std::string& structure, std::size_t byte,
                          const std::string& what) {
    throw std::runtime_error(source + ": " + structure + " at byte " + std::to_string(byte) + ": " + what);
}

std::string shape_text(const std::vector<std::size_t>& shape) {
    std::string s = "(";
    for (std::size_t i = 0; i < shape.size(); ++i) s += (i ? ", " : "") + std::to_string(shape[i]);
    return s + (shape.size() == 1 ? ",)" : ")");
}

// ---- the header: a Python dict literal --------------------------------------------------------------------

// The few Python literals a .npy header holds: a string, True/False, or a tuple of non-negative ints.
struct Value {
    enum class Kind { String, Bool, Tuple } kind = Kind::String;
    std::string text;
    bool flag = false;
    std::vector<std::size_t> ints;
};

class HeaderParser {
public:
    HeaderParser(const std::uint8_t* p, std::size_t n, std::size_t base, const std::string& source)
        : p_(p), n_(n), base_(base), source_(source) {}

    std::map<std::string, Value> parse_dict() {
        std::map<std::string, Value> dict;
        skip_space();
        expect('{');
        for (;;) {
            skip_space();
            if (peek() == '}') break;
            const std::size_t key_at = pos_;
            if (peek() != '\'' && peek() != '"') fail("expected a quoted key");
            std::string key = parse_string();
            skip_space();
            expect(':');
            skip_space();
            Value v = parse_value();
            if (!dict.emplace(key, std::move(v)).second) fail_at_pos(key_at, "key '" + key + "' appears twice");
            skip_space();
            if (peek() == ',') {
                ++pos_;
                continue;
            }
            if (peek() != '}') fail("expected ',' or '}'");
        }
        ++pos_;  // '}'
        skip_space();
        if (pos_ != n_) fail("unexpected text after the dict");
        return dict;
    }

    [[noreturn]] void fail(const std::string& what) const { fail_at_pos(pos_, what); }
    [[noreturn]] void fail_at_pos(std::size_t pos, const std::string& what) const {
        fail_at(source_, "npy header", base_ + pos, what);
    }

private:
    const std::uint8_t* p_;
    std::size_t n_;
    std::size_t base_;
    const std::string& source_;
    std::size_t pos_ = 0;

    int peek() const { return pos_ < n_ ? p_[pos_] : -1; }
    void skip_space() {
        while (pos_ < n_ && (p_[pos_] == ' ' || p_[pos_] == '\t' || p_[pos_] == '\n' || p_[pos_] == '\r')) ++pos_;
    }
    void expect(char c) {
        if (peek() != static_cast<unsigned char>(c)) fail(std::string("expected '") + c + "'");
        ++pos_;
    }
    bool match_word(const char* word) {
        const std::size_t len = std::strlen(word);
        if (n_ - pos_ < len || std::memcmp(p_ + pos_, word, len) != 0) return false;
        pos_ += len;
        return true;
    }

    std::string parse_string() {
        const int quote = peek();
        ++pos_;
        std::string s;
        for (;;) {
            if (pos_ >= n_) fail("unterminated string");
            const std::uint8_t c = p_[pos_++];
            if (c == quote) return s;
            if (c == '\\') {
                if (pos_ >= n_) fail("unterminated string");
                s += static_cast<char>(p_[pos_++]);
            } else {
                s += static_cast<char>(c);
            }
        }
    }

    std::size_t parse_int() {
        if (peek() < '0' || peek() > '9') fail(peek() == '-' ? "negative dimension" : "expected a dimension");
        std::size_t v = 0;
        while (peek() >= '0' && peek() <= '9') {
            const std::size_t digit = static_cast<std::size_t>(peek() - '0');
            if (v > (std::numeric_limits<std::size_t>::max() - digit) / 10) fail("dimension too large");
            v = v * 10 + digit;
            ++pos_;
        }
        if (peek() == 'L' || peek() == 'l') ++pos_;  // Python 2 longs, as old numpy wrote them
        return v;
    }

    Value parse_value() {
        Value v;
        const int c = peek();
        if (c == '\'' || c == '"') {
            v.kind = Value::Kind::String;
            v.text = parse_string();
        } else if (match_word("True")) {
            v.kind = Value::Kind::Bool;
            v.flag = true;
        } else if (match_word("False")) {
            v.kind = Value::Kind::Bool;
            v.flag = false;
        } else if (c == '(') {
            v.kind = Value::Kind::Tuple;
            ++pos_;
            skip_space();
            bool trailing_comma = false;
            while (peek() != ')') {
                v.ints.push_back(parse_int());
                skip_space();
                trailing_comma = false;
                if (peek() == ',') {
                    ++pos_;
                    trailing_comma = true;
                    skip_space();
                } else if (peek() != ')') {
                    fail("expected ',' or ')' in the shape");
                }
                if (v.ints.size() > 64) fail("more than 64 dimensions");
            }
            ++pos_;
            if (v.ints.size() == 1 && !trailing_comma) fail("(n) is not a tuple in Python; expected (n,)");
        } else if (c == '[' || c == '{') {
            fail("structured (record) dtypes are not supported");
        } else {
            fail("expected a string, True, False or a tuple");
        }
        return v;
    }
};

// ---- dtypes ----------------------------------------------------------------------------------------------

enum class Kind { Float, Signed, Unsigned, Bool };

struct Dtype {
    Kind kind = Kind::Float;
    unsigned size = 8;
    bool big_endian = false;
    std::string name;  // numpy's name, e.g. "float64"
};

bool parse_dtype(const std::string& descr, Dtype& d) {
    std::size_t i = 0;
    bool big = std::endian::native == std::endian::big;  // '=', '|' and no order mean the writer's native order
    if (!descr.empty() && (descr[0] == '<' || descr[0] == '>' || descr[0] == '=' || descr[0] == '|')) {
        if (descr[0] == '<') big = false;
        if (descr[0] == '>') big = true;
        i = 1;
    }
    const std::string rest = descr.substr(i);
    static const std::map<std::string, std::pair<Kind, unsigned>> known = {
        {"f2", {Kind::Float, 2}},    {"f4", {Kind::Float, 4}},    {"f8", {Kind::Float, 8}},
        {"i1", {Kind::Signed, 1}},   {"i2", {Kind::Signed, 2}},   {"i4", {Kind::Signed, 4}},
        {"i8", {Kind::Signed, 8}},   {"u1", {Kind::Unsigned, 1}}, {"u2", {Kind::Unsigned, 2}},
        {"u4", {Kind::Unsigned, 4}}, {"u8", {Kind::Unsigned, 8}}, {"b1", {Kind::Bool, 1}},
        {"?", {Kind::Bool, 1}}};
    const auto it = known.find(rest);
    if (it == known.end()) return false;
    d.kind = it->second.first;
    d.size = it->second.second;
    d.big_endian = big;
    switch (d.kind) {
        case Kind::Float: d.name = "float" + std::to_string(8 * d.size); break;
        case Kind::Signed: d.name = "int" + std::to_string(8 * d.size); break;
        case Kind::Unsigned: d.name = "uint" + std::to_string(8 * d.size); break;
        case Kind::Bool: d.name = "bool"; break;
    }
    return true;
}

std::uint64_t load_uint(const std::uint8_t* p, unsigned size, bool big) {
    std::uint64_t v = 0;
    if (big) {
        for (unsigned i = 0; i < size; ++i) v = (v << 8) | p[i];
    } else {
        for (unsigned i = size; i-- > 0;) v = (v << 8) | p[i];
    }
    return v;
}

// IEEE 754 binary16 to double, exactly (every half value is a double).
double half_to_double(std::uint16_t h) {
    const int sign = (h >> 15) & 1;
    const int exponent = (h >> 10) & 0x1F;
    const int mantissa = h & 0x3FF;
    double v;
    if (exponent == 0) v = std::ldexp(mantissa, -24);  // zero or subnormal
    else if (exponent == 31) v = mantissa ? std::numeric_limits<double>::quiet_NaN()
                                          : std::numeric_limits<double>::infinity();
    else v = std::ldexp(mantissa + 1024, exponent - 25);
    return sign ? -v : v;
}

void convert(const std::uint8_t* src, std::size_t count, const Dtype& d, double* out) {
    const unsigned s = d.size;
    if (d.kind == Kind::Float && s == 8 && !d.big_endian && std::endian::native == std::endian::little) {
        std::memcpy(out, src, count * 8);  // the common case: '<f8' on a little-endian machine
        return;
    }
    for (std::size_t k = 0; k < count; ++k) {
        const std::uint64_t v = load_uint(src + k * s, s, d.big_endian);
        switch (d.kind) {
            case Kind::Float:
                out[k] = s == 8   ? std::bit_cast<double>(v)
                         : s == 4 ? double(std::bit_cast<float>(static_cast<std::uint32_t>(v)))
                                  : half_to_double(static_cast<std::uint16_t>(v));
                break;
            case Kind::Signed: {
                std::uint64_t x = v;
                if (s < 8 && (x >> (8 * s - 1)) & 1) x |= ~std::uint64_t(0) << (8 * s);  // sign-extend
                out[k] = double(static_cast<std::int64_t>(x));
                break;
            }
            case Kind::Unsigned: out[k] = double(v); break;
            case Kind::Bool: out[k] = v != 0 ? 1.0 : 0.0; break;
        }
    }
}

// Fortran order (first index fastest) to C order (last index fastest).
std::vector<double> fortran_to_c(const std::vector<double>& f, const std::vector<std::size_t>& shape) {
    std::vector<double> c(f.size());
    if (f.empty()) return c;
    const std::size_t rank = shape.size();
    std::vector<std::size_t> stride(rank, 1), index(rank, 0);  // C-order strides
    for (std::size_t d = rank - 1; d-- > 0;) stride[d] = stride[d + 1] * shape[d + 1];
    std::size_t at = 0;  // C offset of index
    for (std::size_t k = 0; k < f.size(); ++k) {
        c[at] = f[k];
        for (std::size_t d = 0; d < rank; ++d) {  // next index, first dimension fastest
            ++index[d];
            at += stride[d];
            if (index[d] < shape[d]) break;
            at -= index[d] * stride[d];
            index[d] = 0;
        }
    }
    return c;
}

void put_le64(std::uint8_t* p, std::uint64_t v) {
    for (int i = 0; i < 8; ++i) p[i] = static_cast<std::uint8_t>(v >> (8 * i));
}

}  // namespace

std::size_t NpyArray::size() const {
    std::size_t n = 1;
    for (std::size_t d : shape) n *= d;
    return n;
}

// ---- writing ---------------------------------------------------------------------------------------------

std::vector<std::uint8_t> encode_npy(const Matrix& m) {
    const std::string dict = "{'descr': '<f8', 'fortran_order': False, 'shape': (" + std::to_string(m.rows()) +
                             ", " + std::to_string(m.cols()) + "), }";
    // numpy pads with 1 to 64 spaces (never 0) before the '\n' so that the data is 64-byte aligned.
    std::size_t prefix = 10;  // magic, version, 2-byte length
    std::size_t header = dict.size() + 1 + (kAlign - (prefix + dict.size() + 1) % kAlign);
    std::uint8_t major = 1;
    if (header > 0xFFFF) {  // cannot happen for two dimensions; version 2.0 has a 4-byte length
        major = 2;
        prefix = 12;
        header = dict.size() + 1 + (kAlign - (prefix + dict.size() + 1) % kAlign);
    }
    const Matrix c = m.contiguous();
    std::vector<std::uint8_t> out(prefix + header + 8 * c.size(), ' ');
    std::memcpy(out.data(), kMagic, 6);
    out[6] = major;
    out[7] = 0;
    for (std::size_t i = 0; i < prefix - 8; ++i) out[8 + i] = static_cast<std::uint8_t>(header >> (8 * i));
    std::memcpy(out.data() + prefix, dict.data(), dict.size());
    out[prefix + header - 1] = '\n';
    std::uint8_t* data = out.data() + prefix + header;
    const double* values = c.data();
    for (std::size_t k = 0; k < c.size(); ++k) put_le64(data + 8 * k, std::bit_cast<std::uint64_t>(values[k]));
    return out;
}

void save_npy(const std::string& path, const Matrix& m) { atomic_write_file(path, encode_npy(m)); }

// ---- reading ---------------------------------------------------------------------------------------------

std::vector<std::uint8_t> read_file_bytes(const std::string& path, const std::string& source) {
    // A folder or a device would "open" as a stream of unknown length: only regular files are read.
    std::error_code ec;
    const std::filesystem::file_status status = std::filesystem::status(path, ec);
    if (!std::filesystem::exists(status)) throw std::runtime_error(source + ": cannot open the file");
    if (!std::filesystem::is_regular_file(status)) throw std::runtime_error(source + ": not a regular file");
    const std::uintmax_t length = std::filesystem::file_size(path, ec);
    std::ifstream in(path, std::ios::binary);
    if (ec || !in) throw std::runtime_error(source + ": cannot open the file");
    std::vector<std::uint8_t> bytes(static_cast<std::size_t>(length));
    if (!bytes.empty() && !in.read(reinterpret_cast<char*>(bytes.data()), static_cast<std::streamsize>(bytes.size())))
        throw std::runtime_error(source + ": cannot read the file (" + std::to_string(in.gcount()) + " of " +
                                 std::to_string(bytes.size()) + " bytes)");
    return bytes;
}

NpyArray decode_npy(const std::uint8_t* bytes, std::size_t size, const std::string& source, std::size_t base) {
    if (size < 10) fail_at(source, "npy preamble", base, "only " + std::to_string(size) + " bytes, need at least 10");
    if (std::memcmp(bytes, kMagic, 6) != 0) fail_at(source, "npy magic", base, "not a .npy file (no \\x93NUMPY)");
    const unsigned major = bytes[6], minor = bytes[7];
    if (!((major == 1 || major == 2 || major == 3) && minor == 0))
        fail_at(source, "npy version", base + 6,
                "unsupported version " + std::to_string(major) + "." + std::to_string(minor) +
                    " (1.0, 2.0 and 3.0 are known)");
    const std::size_t prefix = major == 1 ? 10 : 12;
    if (size < prefix) fail_at(source, "npy header length", base + 8, "truncated");
    std::size_t header = bytes[8] | (std::size_t(bytes[9]) << 8);
    if (major > 1) header |= (std::size_t(bytes[10]) << 16) | (std::size_t(bytes[11]) << 24);
    if (header > size - prefix)
        fail_at(source, "npy header length", base + 8,
                "header of " + std::to_string(header) + " bytes runs past the end (" +
                    std::to_string(size - prefix) + " bytes left)");

    HeaderParser parser(bytes + prefix, header, base + prefix, source);
    const auto dict = parser.parse_dict();
    for (const auto& [key, value] : dict)
        if (key != "descr" && key != "fortran_order" && key != "shape") parser.fail_at_pos(0, "unexpected key '" + key + "'");
    const auto descr = dict.find("descr"), order = dict.find("fortran_order"), shape = dict.find("shape");
    if (descr == dict.end() || order == dict.end() || shape == dict.end())
        parser.fail_at_pos(0, "the dict needs the keys 'descr', 'fortran_order' and 'shape'");
    if (descr->second.kind != Value::Kind::String) parser.fail_at_pos(0, "'descr' is not a string");
    if (order->second.kind != Value::Kind::Bool) parser.fail_at_pos(0, "'fortran_order' is not True or False");
    if (shape->second.kind != Value::Kind::Tuple) parser.fail_at_pos(0, "'shape' is not a tuple");

    Dtype dtype;
    if (!parse_dtype(descr->second.text, dtype))
        parser.fail_at_pos(0, "unsupported dtype '" + descr->second.text +
                                  "' (supported: float16/32/64, int8-64, uint8-64 and bool, either byte order)");

    NpyArray a;
    a.shape = shape->second.ints;
    a.dtype = dtype.name;
    const std::size_t data_at = prefix + header;
    const std::size_t available = size - data_at;
    // The element count, checked against what the data bytes can hold before anything is allocated.
    std::size_t count = 1;
    bool has_zero = false;
    for (std::size_t d : a.shape) has_zero = has_zero || d == 0;
    if (has_zero) {
        count = 0;
    } else {
        const std::size_t limit = available / dtype.size;
        for (std::size_t d : a.shape) {
            if (count > limit / d)
                fail_at(source, "npy data", base + data_at,
                        "shape " + shape_text(a.shape) + " of " + dtype.name + " needs more than the " +
                            std::to_string(available) + " bytes the file has");
            count *= d;
        }
    }
    if (count * dtype.size != available)
        fail_at(source, "npy data", base + data_at,
                "shape " + shape_text(a.shape) + " of " + dtype.name + " needs " +
                    std::to_string(count * dtype.size) + " bytes but " + std::to_string(available) + " follow the header");

    a.data.resize(count);
    if (count > 0) convert(bytes + data_at, count, dtype, a.data.data());
    if (order->second.flag && a.shape.size() > 1) a.data = fortran_to_c(a.data, a.shape);
    return a;
}

NpyArray load_npy_array(const std::string& path) {
    const std::string source = "load_npy: '" + path + "'";
    const std::vector<std::uint8_t> bytes = read_file_bytes(path, source);
    return decode_npy(bytes.data(), bytes.size(), source);
}

Matrix npy_to_matrix(const NpyArray& a, const std::string& source) {
    std::size_t rows = 1, cols = 1;
    if (a.shape.size() == 1) {
        cols = a.shape[0];
    } else if (a.shape.size() == 2) {
        rows = a.shape[0];
        cols = a.shape[1];
    } else if (a.shape.size() > 2) {
        throw std::runtime_error(source + ": shape " + shape_text(a.shape) +
                                 " has more than 2 dimensions; a Matrix holds 0-d, 1-D or 2-D arrays "
                                 "(load_npy_array reads any rank)");
    }
    Matrix m = Matrix::uninitialized(rows, cols);
    if (!a.data.empty()) std::memcpy(m.mutable_data(), a.data.data(), a.data.size() * sizeof(double));
    return m;
}

Matrix load_npy(const std::string& path) {
    const std::string source = "load_npy: '" + path + "'";
    return npy_to_matrix(load_npy_array(path), source);
}

}  // namespace dnn::io
