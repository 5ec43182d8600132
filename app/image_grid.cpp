// app/image_grid.cpp - a grid of captioned pictures, and the 5 x 7 bitmap font the captions are drawn with.
#include "app/image_grid.hpp"

#include <algorithm>
#include <array>
#include <stdexcept>

#include "io/png.hpp"

namespace dnn::app {
namespace {

// ---- the font --------------------------------------------------------------------------------------------
// Each glyph: up to 9 rows of 5 pixels; rows 0-6 sit on the baseline, rows 7-8 are descenders. Rows left
// out (nullptr) are empty. Drawn for this project, in the style of classic 5 x 7 character displays.
struct Glyph {
    char c;
    std::array<const char*, kGlyphHeight> rows;
};

constexpr Glyph kFont[] = {
    {' ', {".....", ".....", ".....", ".....", ".....", ".....", "....."}},
    {'0', {".###.", "#...#", "#..##", "#.#.#", "##..#", "#...#", ".###."}},
    {'1', {"..#..", ".##..", "..#..", "..#..", "..#..", "..#..", ".###."}},
    {'2', {".###.", "#...#", "....#", "...#.", "..#..", ".#...", "#####"}},
    {'3', {"#####", "...#.", "..#..", "...#.", "....#", "#...#", ".###."}},
    {'4', {"...#.", "..##.", ".#.#.", "#..#.", "#####", "...#.", "...#."}},
    {'5', {"#####", "#....", "####.", "....#", "....#", "#...#", ".###."}},
    {'6', {"..##.", ".#...", "#....", "####.", "#...#", "#...#", ".###."}},
    {'7', {"#####", "....#", "...#.", "..#..", ".#...", ".#...", ".#..."}},
    {'8', {".###.", "#...#", "#...#", ".###.", "#...#", "#...#", ".###."}},
    {'9', {".###.", "#...#", "#...#", ".####", "....#", "...#.", ".##.."}},
    {'A', {".###.", "#...#", "#...#", "#####", "#...#", "#...#", "#...#"}},
    {'B', {"####.", "#...#", "#...#", "####.", "#...#", "#...#", "####."}},
    {'C', {".###.", "#...#", "#....", "#....", "#....", "#...#", ".###."}},
    {'D', {"###..", "#..#.", "#...#", "#...#", "#...#", "#..#.", "###.."}},
    {'E', {"#####", "#....", "#....", "####.", "#....", "#....", "#####"}},
    {'F', {"#####", "#....", "#....", "####.", "#....", "#....", "#...."}},
    {'G', {".###.", "#...#", "#....", "#.###", "#...#", "#...#", ".####"}},
    {'H', {"#...#", "#...#", "#...#", "#####", "#...#", "#...#", "#...#"}},
    {'I', {".###.", "..#..", "..#..", "..#..", "..#..", "..#..", ".###."}},
    {'J', {"..###", "...#.", "...#.", "...#.", "...#.", "#..#.", ".##.."}},
    {'K', {"#...#", "#..#.", "#.#..", "##...", "#.#..", "#..#.", "#...#"}},
    {'L', {"#....", "#....", "#....", "#....", "#....", "#....", "#####"}},
    {'M', {"#...#", "##.##", "#.#.#", "#.#.#", "#...#", "#...#", "#...#"}},
    {'N', {"#...#", "#...#", "##..#", "#.#.#", "#..##", "#...#", "#...#"}},
    {'O', {".###.", "#...#", "#...#", "#...#", "#...#", "#...#", ".###."}},
    {'P', {"####.", "#...#", "#...#", "####.", "#....", "#....", "#...."}},
    {'Q', {".###.", "#...#", "#...#", "#...#", "#.#.#", "#..#.", ".##.#"}},
    {'R', {"####.", "#...#", "#...#", "####.", "#.#..", "#..#.", "#...#"}},
    {'S', {".####", "#....", "#....", ".###.", "....#", "....#", "####."}},
    {'T', {"#####", "..#..", "..#..", "..#..", "..#..", "..#..", "..#.."}},
    {'U', {"#...#", "#...#", "#...#", "#...#", "#...#", "#...#", ".###."}},
    {'V', {"#...#", "#...#", "#...#", "#...#", "#...#", ".#.#.", "..#.."}},
    {'W', {"#...#", "#...#", "#...#", "#.#.#", "#.#.#", "#.#.#", ".#.#."}},
    {'X', {"#...#", "#...#", ".#.#.", "..#..", ".#.#.", "#...#", "#...#"}},
    {'Y', {"#...#", "#...#", ".#.#.", "..#..", "..#..", "..#..", "..#.."}},
    {'Z', {"#####", "....#", "...#.", "..#..", ".#...", "#....", "#####"}},
    {'a', {".....", ".....", ".###.", "....#", ".####", "#...#", ".####"}},
    {'b', {"#....", "#....", "#.##.", "##..#", "#...#", "#...#", "####."}},
    {'c', {".....", ".....", ".###.", "#....", "#....", "#...#", ".###."}},
    {'d', {"....#", "....#", ".##.#", "#..##", "#...#", "#...#", ".####"}},
    {'e', {".....", ".....", ".###.", "#...#", "#####", "#....", ".###."}},
    {'f', {"..##.", ".#..#", ".#...", "###..", ".#...", ".#...", ".#..."}},
    {'g', {".....", ".....", ".####", "#...#", "#...#", "#...#", ".####", "....#", ".###."}},
    {'h', {"#....", "#....", "#.##.", "##..#", "#...#", "#...#", "#...#"}},
    {'i', {"..#..", ".....", ".##..", "..#..", "..#..", "..#..", ".###."}},
    {'j', {"...#.", ".....", "..##.", "...#.", "...#.", "...#.", "...#.", "#..#.", ".##.."}},
    {'k', {"#....", "#....", "#..#.", "#.#..", "##...", "#.#..", "#..#."}},
    {'l', {".##..", "..#..", "..#..", "..#..", "..#..", "..#..", ".###."}},
    {'m', {".....", ".....", "##.#.", "#.#.#", "#.#.#", "#.#.#", "#.#.#"}},
    {'n', {".....", ".....", "#.##.", "##..#", "#...#", "#...#", "#...#"}},
    {'o', {".....", ".....", ".###.", "#...#", "#...#", "#...#", ".###."}},
    {'p', {".....", ".....", "####.", "#...#", "#...#", "#...#", "####.", "#....", "#...."}},
    {'q', {".....", ".....", ".####", "#...#", "#...#", "#...#", ".####", "....#", "....#"}},
    {'r', {".....", ".....", "#.##.", "##..#", "#....", "#....", "#...."}},
    {'s', {".....", ".....", ".####", "#....", ".###.", "....#", "####."}},
    {'t', {".#...", ".#...", "###..", ".#...", ".#...", ".#..#", "..##."}},
    {'u', {".....", ".....", "#...#", "#...#", "#...#", "#..##", ".##.#"}},
    {'v', {".....", ".....", "#...#", "#...#", "#...#", ".#.#.", "..#.."}},
    {'w', {".....", ".....", "#...#", "#...#", "#.#.#", "#.#.#", ".#.#."}},
    {'x', {".....", ".....", "#...#", ".#.#.", "..#..", ".#.#.", "#...#"}},
    {'y', {".....", ".....", "#...#", "#...#", "#...#", "#...#", ".####", "....#", ".###."}},
    {'z', {".....", ".....", "#####", "...#.", "..#..", ".#...", "#####"}},
    {'.', {".....", ".....", ".....", ".....", ".....", ".##..", ".##.."}},
    {',', {".....", ".....", ".....", ".....", ".....", ".##..", "..#..", ".#..."}},
    {':', {".....", ".##..", ".##..", ".....", ".##..", ".##..", "....."}},
    {';', {".....", ".##..", ".##..", ".....", ".##..", ".##..", "..#..", ".#..."}},
    {'=', {".....", ".....", "#####", ".....", "#####", ".....", "....."}},
    {'-', {".....", ".....", ".....", "#####", ".....", ".....", "....."}},
    {'+', {".....", "..#..", "..#..", "#####", "..#..", "..#..", "....."}},
    {'_', {".....", ".....", ".....", ".....", ".....", ".....", "#####"}},
    {'/', {".....", "....#", "...#.", "..#..", ".#...", "#....", "....."}},
    {'(', {"...#.", "..#..", ".#...", ".#...", ".#...", "..#..", "...#."}},
    {')', {".#...", "..#..", "...#.", "...#.", "...#.", "..#..", ".#..."}},
    {'[', {".###.", ".#...", ".#...", ".#...", ".#...", ".#...", ".###."}},
    {']', {".###.", "...#.", "...#.", "...#.", "...#.", "...#.", ".###."}},
    {'\'', {"..#..", "..#..", ".#...", ".....", ".....", ".....", "....."}},
    {'"', {".#.#.", ".#.#.", ".#.#.", ".....", ".....", ".....", "....."}},
    {'!', {"..#..", "..#..", "..#..", "..#..", "..#..", ".....", "..#.."}},
    {'?', {".###.", "#...#", "....#", "...#.", "..#..", ".....", "..#.."}},
    {'%', {"##...", "##..#", "...#.", "..#..", ".#...", "#..##", "...##"}},
    {'#', {".#.#.", ".#.#.", "#####", ".#.#.", "#####", ".#.#.", ".#.#."}},
    {'<', {"...#.", "..#..", ".#...", "#....", ".#...", "..#..", "...#."}},
    {'>', {".#...", "..#..", "...#.", "....#", "...#.", "..#..", ".#..."}},
    {'*', {".....", "..#..", "#.#.#", ".###.", "#.#.#", "..#..", "....."}},
};

// Drawn for any character the font lacks.
constexpr Glyph kMissing = {'\0', {"#####", "#...#", "#...#", "#...#", "#...#", "#...#", "#####"}};

const Glyph& find_glyph(char c) {
    for (const Glyph& g : kFont)
        if (g.c == c) return g;
    return kMissing;
}

// A UTF-8 continuation byte: part of the previous character, which is drawn once (as the missing-glyph box).
bool continuation(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

std::vector<std::string> split_lines(const std::string& caption) {
    std::vector<std::string> lines;
    std::size_t start = 0;
    for (;;) {
        const std::size_t end = caption.find('\n', start);
        std::string line = caption.substr(start, end == std::string::npos ? std::string::npos : end - start);
        const std::size_t first = line.find_first_not_of(' ');
        line = first == std::string::npos ? "" : line.substr(first, line.find_last_not_of(' ') - first + 1);
        lines.push_back(line);
        if (end == std::string::npos) return lines;
        start = end + 1;
    }
}

constexpr std::size_t kMaxSide = 16384;
constexpr std::size_t kCaptionGap = 4;  // pixels between an image and its caption

}  // namespace

std::vector<std::string> glyph_rows(char c) {
    const Glyph& g = find_glyph(c);
    std::vector<std::string> rows;
    for (const char* row : g.rows) rows.push_back(row ? row : std::string(kGlyphWidth, '.'));
    return rows;
}

std::size_t text_width(const std::string& line, std::size_t font_scale) {
    std::size_t n = 0;
    for (char c : line) n += continuation(c) ? 0 : 1;
    return n == 0 ? 0 : (n * kGlyphAdvance - 1) * font_scale;
}

void draw_text(RgbImage& image, std::size_t x, std::size_t y, const std::string& line, std::uint8_t r,
               std::uint8_t g, std::uint8_t b, std::size_t font_scale) {
    std::size_t pen = x;
    for (char c : line) {
        if (continuation(c)) continue;
        const Glyph& glyph = find_glyph(c);
        for (std::size_t row = 0; row < kGlyphHeight; ++row) {
            const char* bits = glyph.rows[row];
            if (bits == nullptr) continue;
            for (std::size_t col = 0; col < kGlyphWidth; ++col) {
                if (bits[col] != '#') continue;
                for (std::size_t dy = 0; dy < font_scale; ++dy)
                    for (std::size_t dx = 0; dx < font_scale; ++dx) {
                        const std::size_t px = pen + col * font_scale + dx, py = y + row * font_scale + dy;
                        if (px >= image.width || py >= image.height) continue;
                        std::uint8_t* p = image.rgb.data() + 3 * (py * image.width + px);
                        p[0] = r;
                        p[1] = g;
                        p[2] = b;
                    }
            }
        }
        pen += kGlyphAdvance * font_scale;
    }
}

RgbImage render_image_grid(const std::vector<RgbImage>& images, const std::vector<std::string>& captions,
                           const ImageGridOptions& options) {
    const std::string who = "render_image_grid: ";
    if (images.empty()) throw std::invalid_argument(who + "no images");
    if (images.size() != captions.size())
        throw std::invalid_argument(who + std::to_string(images.size()) + " images but " +
                                    std::to_string(captions.size()) + " captions");
    if (options.columns == 0 || options.scale == 0 || options.scale > 16 || options.font_scale == 0 ||
        options.font_scale > 16 || options.padding > 256)
        throw std::invalid_argument(who + "columns must be >= 1, scale and font_scale 1 to 16, padding <= 256");

    std::size_t cell_w = 0, image_h = 0, max_lines = 0;
    std::vector<std::vector<std::string>> lines(captions.size());
    for (std::size_t i = 0; i < images.size(); ++i) {
        const RgbImage& im = images[i];
        if (im.width == 0 || im.height == 0 || im.width > kMaxSide || im.height > kMaxSide ||
            im.rgb.size() != im.width * im.height * 3)
            throw std::invalid_argument(who + "image " + std::to_string(i) + " is " + std::to_string(im.width) +
                                        " x " + std::to_string(im.height) + " with " + std::to_string(im.rgb.size()) +
                                        " bytes (needs width * height * 3, sides 1 to 16384)");
        cell_w = std::max(cell_w, im.width * options.scale);
        image_h = std::max(image_h, im.height * options.scale);
        lines[i] = split_lines(captions[i]);
        if (lines[i].size() > 64) throw std::invalid_argument(who + "caption " + std::to_string(i) + " has over 64 lines");
        max_lines = std::max(max_lines, lines[i].size());
        for (const std::string& l : lines[i]) {
            if (l.size() > kMaxSide) throw std::invalid_argument(who + "caption " + std::to_string(i) + " is too long");
            cell_w = std::max(cell_w, text_width(l, options.font_scale));
        }
    }
    const std::size_t line_h = (kGlyphHeight + 2) * options.font_scale;
    const std::size_t cell_h = image_h + kCaptionGap + max_lines * line_h;
    const std::size_t cols = std::min(options.columns, images.size());
    const std::size_t rows = (images.size() + cols - 1) / cols;
    // Every factor is bounded above, so these products cannot overflow before the check.
    if (cell_w > kMaxSide || cell_h > kMaxSide || cols > kMaxSide || rows > kMaxSide)
        throw std::invalid_argument(who + "the grid would be larger than 16384 pixels on a side");
    RgbImage out;
    out.width = options.padding + cols * (cell_w + options.padding);
    out.height = options.padding + rows * (cell_h + options.padding);
    if (out.width > kMaxSide || out.height > kMaxSide)
        throw std::invalid_argument(who + "the grid would be " + std::to_string(out.width) + " x " +
                                    std::to_string(out.height) + " pixels (at most 16384 per side)");
    out.rgb.assign(out.width * out.height * 3, 255);  // white background

    for (std::size_t i = 0; i < images.size(); ++i) {
        const RgbImage& im = images[i];
        const std::size_t cell_x = options.padding + (i % cols) * (cell_w + options.padding);
        const std::size_t cell_y = options.padding + (i / cols) * (cell_h + options.padding);
        const std::size_t s = options.scale;
        const std::size_t x0 = cell_x + (cell_w - im.width * s) / 2, y0 = cell_y + (image_h - im.height * s) / 2;
        for (std::size_t y = 0; y < im.height * s; ++y)
            for (std::size_t x = 0; x < im.width * s; ++x) {
                const std::uint8_t* from = im.rgb.data() + 3 * ((y / s) * im.width + x / s);
                std::uint8_t* to = out.rgb.data() + 3 * ((y0 + y) * out.width + x0 + x);
                to[0] = from[0];
                to[1] = from[1];
                to[2] = from[2];
            }
        for (std::size_t k = 0; k < lines[i].size(); ++k) {
            const std::size_t w = text_width(lines[i][k], options.font_scale);
            draw_text(out, cell_x + (cell_w - w) / 2, cell_y + image_h + kCaptionGap + k * line_h, lines[i][k], 0, 0,
                      0, options.font_scale);
        }
    }
    return out;
}

void save_image_grid_png(const std::string& path, const std::vector<RgbImage>& images,
                         const std::vector<std::string>& captions, const ImageGridOptions& options) {
    const RgbImage grid = render_image_grid(images, captions, options);
    io::save_png(path, grid.width, grid.height, grid.rgb);
}

}  // namespace dnn::app
