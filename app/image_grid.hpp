// app/image_grid.hpp - pictures in a grid, each with a caption under it, saved as PNG.
//
// EN: The notebook's print_mislabeled_images shows each mislabeled test image titled
//     "Prediction: cat \n Class: non-cat". Here the images are laid out left to right, top to bottom, enlarged
//     by an integer factor, and each caption is drawn under its image with a small built-in bitmap font:
//     5 x 7 pixel glyphs (lower-case letters may use 2 more rows below the baseline) for digits, A-Z, a-z,
//     space and . , : ; = - + _ / ( ) [ ] ' " ! ? % # < > *. Other characters are drawn as a hollow box.
//     '\n' in a caption starts a new line; each line is trimmed of surrounding spaces and centred.
// KO: 노트북의 print_mislabeled_images는 잘못 분류된 테스트 이미지마다 "Prediction: cat \n Class: non-cat"
//     제목을 붙여 보여 줍니다. 여기서는 이미지를 왼쪽에서 오른쪽, 위에서 아래로 정수 배율로 키워 배치하고,
//     내장 비트맵 글꼴로 이미지 아래에 설명을 씁니다: 숫자, A-Z, a-z, 공백과 . , : ; = - + _ / ( ) [ ] ' " ! ?
//     % # < > * 의 5 x 7 픽셀 글리프(소문자는 기준선 아래 2행을 더 쓸 수 있음). 다른 글자는 속 빈 네모로
//     그립니다. 설명 안의 '\n'은 줄을 바꾸고, 각 줄은 앞뒤 공백을 떼고 가운데 정렬합니다.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace dnn::app {

// EN: An 8-bit RGB picture: rgb holds width * height * 3 bytes, row-major from the top, R G B per pixel
//     (a numpy uint8 array of shape (height, width, 3), C order; the course images are 64 x 64).
// KO: 8비트 RGB 이미지: rgb는 width * height * 3 바이트, 위에서부터 행 우선, 픽셀마다 R G B
//     (C 순서의 (height, width, 3) uint8 numpy 배열; 강의 이미지는 64 x 64).
struct RgbImage {
    std::size_t width = 0;
    std::size_t height = 0;
    std::vector<std::uint8_t> rgb;
};

struct ImageGridOptions {
    std::size_t columns = 5;     // images per row
    std::size_t scale = 2;       // each image pixel becomes scale x scale pixels (1 to 16)
    std::size_t font_scale = 1;  // each font pixel becomes font_scale x font_scale pixels (1 to 16)
    std::size_t padding = 8;     // pixels around and between cells
};

// EN: The grid as one picture. images and captions have the same length (at least 1); every image's rgb has
//     width * height * 3 bytes. Each cell is as wide as the widest scaled image or caption line. Throws
//     std::invalid_argument naming what is wrong (and which image) otherwise, or if the result would exceed
//     16384 pixels on a side.
// KO: 격자 전체를 이미지 하나로 만듭니다. images와 captions는 길이가 같고(1 이상), 이미지마다 rgb는
//     width * height * 3 바이트입니다. 칸 너비는 가장 넓은 (확대된) 이미지나 설명 줄의 너비입니다.
//     어긋나면(또는 결과가 한 변 16384 픽셀을 넘으면) 무엇이(몇 번째 이미지가) 틀렸는지 밝힌
//     std::invalid_argument를 던집니다.
RgbImage render_image_grid(const std::vector<RgbImage>& images, const std::vector<std::string>& captions,
                           const ImageGridOptions& options = {});

// EN: render_image_grid, written as PNG (io/png.hpp) through a temporary file and a rename.
// KO: render_image_grid의 결과를 PNG(io/png.hpp)로, 임시 파일과 이름 바꾸기로 씁니다.
void save_image_grid_png(const std::string& path, const std::vector<RgbImage>& images,
                         const std::vector<std::string>& captions, const ImageGridOptions& options = {});

// ---- the bitmap font (used by the grid; exposed for tests and other pictures) -----------------------------

constexpr std::size_t kGlyphWidth = 5;    // pixels
constexpr std::size_t kGlyphHeight = 9;   // 7 above the baseline, 2 below (descenders of g j p q y , ;)
constexpr std::size_t kGlyphAdvance = 6;  // glyph plus one column of space

// EN: The glyph of c as kGlyphHeight strings of kGlyphWidth characters, '#' for ink and '.' for none.
// KO: c의 글리프: kGlyphWidth 글자짜리 문자열 kGlyphHeight개, 잉크는 '#', 빈 곳은 '.'.
std::vector<std::string> glyph_rows(char c);

// EN: Width in pixels of one line of text at font_scale (kGlyphAdvance per character, minus the last gap).
// KO: font_scale에서 한 줄 텍스트의 픽셀 너비(글자당 kGlyphAdvance, 마지막 간격 제외).
std::size_t text_width(const std::string& line, std::size_t font_scale = 1);

// EN: Draws one line with its top-left corner at (x, y) in colour (r, g, b); pixels outside are clipped.
// KO: 한 줄을 왼쪽 위 모서리 (x, y)에 (r, g, b) 색으로 그립니다. 이미지 밖의 픽셀은 잘라 냅니다.
void draw_text(RgbImage& image, std::size_t x, std::size_t y, const std::string& line, std::uint8_t r,
               std::uint8_t g, std::uint8_t b, std::size_t font_scale = 1);

}  // namespace dnn::app
