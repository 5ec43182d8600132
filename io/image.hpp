// io/image.hpp - reading JPEG and PNG pictures as RGB, and resizing them, byte for byte as Pillow does.
//
// EN: The Application notebook's "Test with your own image" cell opens a picture with Pillow, resizes it to
//     64x64 and feeds it to the network. These functions do the same with nothing but the standard library:
//     read_image() gives exactly np.asarray(Image.open(path).convert("RGB")), as Pillow reads it with
//     libjpeg-turbo, for every JPEG it supports (baseline or progressive Huffman, 8-bit, 1/3/4 components,
//     sampling factors 1 or 2) and every PNG (every colour type and bit depth; 16-bit grayscale excepted, see
//     read_image), and resize() gives exactly Image.resize((width, height), filter).
//     A damaged file throws std::runtime_error("read_image: 'name': byte N: what was wrong"); a bad argument
//     throws std::invalid_argument naming the function.
// KO: Application 노트북의 "Test with your own image" 셀은 Pillow로 그림을 열어 64x64로 줄인 뒤 신경망에
//     넣습니다. 이 함수들은 표준 라이브러리만으로 똑같이 합니다. read_image()는 지원하는 모든 JPEG(베이스라인
//     또는 프로그레시브 허프만, 8비트, 성분 1/3/4개, 샘플링 계수 1 또는 2)과 모든 PNG(모든 색 형식과 비트
//     깊이. 16비트 회색조는 예외이며 read_image 설명 참고)에 대해, Pillow가 libjpeg-turbo로 읽은
//     np.asarray(Image.open(path).convert("RGB"))와 같은 바이트를, resize()는
//     Image.resize((width, height), filter)와 같은 바이트를 돌려줍니다. 손상된 파일은
//     std::runtime_error("read_image: 'name': byte N: 무엇이 틀렸는지")를, 잘못된 인자는 함수 이름을 밝힌
//     std::invalid_argument를 던집니다.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace dnn::io {

// EN: An 8-bit RGB picture. rgb holds width * height * 3 bytes, row by row from the top, R, G, B per pixel:
//     the C-order bytes of a numpy uint8 array of shape (height, width, 3).
// KO: 8비트 RGB 그림. rgb는 width * height * 3 바이트로, 위쪽 행부터 한 행씩, 픽셀마다 R, G, B입니다:
//     shape (height, width, 3)인 uint8 numpy 배열의 C 순서 바이트와 같습니다.
struct Image {
    int width = 0, height = 0;
    std::vector<std::uint8_t> rgb;
};

// EN: Pillow's decompression-bomb limit: Image.open refuses a picture of more than 2 * MAX_IMAGE_PIXELS
//     (2 * 89,478,485) pixels. Our readers refuse it too, before allocating anything.
// KO: Pillow의 압축 폭탄 한도: Image.open은 2 * MAX_IMAGE_PIXELS(2 * 89,478,485)개보다 많은 픽셀의 그림을
//     거부합니다. 여기서도 무엇을 할당하기 전에 거부합니다.
constexpr std::uint64_t kMaxImagePixels = 178'956'970;

// EN: What a file held besides its pixels.
//     format: "JPEG" or "PNG" (chosen by the file's first bytes, never by its name).
//     mode: the mode Pillow gives the file before .convert("RGB"): "1" (1-bit gray), "L" (gray), "LA" (gray
//       with alpha), "I" (16-bit gray), "P" (palette), "RGB", "RGBA" or "CMYK". mode_description() says it in
//       words, for a message such as "converted from grayscale".
//     orientation: the EXIF Orientation tag (1 to 8) of a JPEG's APP1 Exif segment or a PNG's eXIf chunk;
//       1 when there is none or it cannot be read. Like Image.open, read_image never applies it: pass it to
//       exif_transpose() to do what ImageOps.exif_transpose does.
// KO: 파일이 픽셀 말고 담고 있던 것.
//     format: "JPEG" 또는 "PNG"(파일 이름이 아니라 앞쪽 바이트로 정합니다).
//     mode: .convert("RGB") 전에 Pillow가 붙이는 모드: "1"(1비트 회색조), "L"(회색조), "LA"(알파 있는
//       회색조), "I"(16비트 회색조), "P"(팔레트), "RGB", "RGBA", "CMYK". mode_description()은 이를 말로
//       풀어 줍니다("converted from grayscale" 같은 메시지용).
//     orientation: JPEG의 APP1 Exif 세그먼트나 PNG의 eXIf 청크에 있는 EXIF Orientation 태그(1~8). 없거나
//       읽을 수 없으면 1입니다. Image.open처럼 read_image는 이를 적용하지 않습니다: ImageOps.exif_transpose와
//       같게 하려면 exif_transpose()에 넘기세요.
struct ImageFile {
    Image image;  // already converted to RGB, as .convert("RGB") does / 이미 RGB로 변환됨
    std::string format;
    std::string mode;
    int orientation = 1;
};

// EN: Reads a JPEG or PNG file as RGB: np.asarray(Image.open(path).convert("RGB")), shape (height, width, 3).
//     Palettes are expanded, alpha is dropped (not composited), gray is copied to R, G and B, CMYK is
//     converted as Pillow does, 16-bit samples keep their high byte (Pillow instead clips 16-bit grayscale
//     PNGs to 255: there, and only there, the results differ). The EXIF orientation is not applied.
//     Refused with an error naming the feature, although Pillow reads some of them: arithmetic-coded,
//     lossless, hierarchical and 12-bit JPEGs, sampling factors above 2 (4:1:1), more than 500 scans.
//     A damaged file is an error where Pillow sometimes carries on (a PNG whose image data is short or has
//     bytes to spare, a bad IDAT CRC). A progressive JPEG whose scans never send some AC terms is decoded as
//     sent, where libjpeg would smooth the blocks; every complete progressive file is identical.
// KO: JPEG 또는 PNG 파일을 RGB로 읽습니다: np.asarray(Image.open(path).convert("RGB")), shape
//     (height, width, 3). 팔레트는 펼치고, 알파는 합성하지 않고 버리며, 회색조는 R, G, B에 복사하고, CMYK는
//     Pillow처럼 변환합니다. 16비트 샘플은 상위 바이트를 씁니다(Pillow는 16비트 회색조 PNG를 255에서
//     자르므로 그 경우에만 결과가 다릅니다). EXIF 방향은 적용하지 않습니다.
//     산술 부호화, 무손실, 계층형, 12비트 JPEG, 2를 넘는 샘플링 계수(4:1:1), 500개를 넘는 스캔은 그 기능을
//     밝힌 오류로 거부합니다(Pillow는 그중 일부를 읽습니다). 손상된 파일은 Pillow가 그냥 넘어가는 경우에도
//     오류입니다(이미지 데이터가 모자라거나 남는 PNG, IDAT CRC가 틀린 PNG). 일부 AC 계수를 끝내 보내지 않는
//     프로그레시브 JPEG은 보낸 그대로 디코딩합니다(libjpeg은 블록을 부드럽게 만듭니다). 계수를 모두 보내는
//     프로그레시브 파일은 모두 같은 결과입니다.
Image read_image(const std::string& path);

// EN: The same as read_image, with the file's format, mode and EXIF orientation.
// KO: read_image와 같되, 파일의 형식, 모드, EXIF 방향도 돌려줍니다.
ImageFile open_image(const std::string& path);

// EN: The same from size bytes in memory (for tests and fuzzing). name only appears in error messages:
//     "decode_image: 'name': byte N: ...".
// KO: 메모리에 있는 size 바이트에서 같은 일을 합니다(테스트와 퍼징용). name은 오류 메시지에만 쓰입니다:
//     "decode_image: 'name': byte N: ...".
ImageFile decode_image(const std::uint8_t* data, std::size_t size, const std::string& name);

// EN: Turns the picture as ImageOps.exif_transpose does for this EXIF orientation: 2 mirrors left-right,
//     3 turns 180 degrees, 4 mirrors top-bottom, 5 transposes, 6 turns 90 degrees clockwise, 7 transverses,
//     8 turns 90 degrees counter-clockwise; 1 or any other value returns the picture unchanged. Orientations
//     5 to 8 swap width and height.
// KO: ImageOps.exif_transpose가 이 EXIF 방향에 대해 하듯 그림을 돌립니다: 2는 좌우 반전, 3은 180도 회전,
//     4는 상하 반전, 5는 전치, 6은 시계 방향 90도, 7은 반대 대각선 전치, 8은 반시계 방향 90도 회전이며,
//     1이나 다른 값이면 그대로 돌려줍니다. 5~8은 너비와 높이를 바꿉니다.
Image exif_transpose(const Image& image, int orientation);

// EN: A mode in words: "1" -> "1-bit black and white", "L" -> "grayscale", "LA" -> "grayscale with alpha",
//     "I" -> "16-bit grayscale", "P" -> "palette", "RGB" -> "RGB", "RGBA" -> "RGB with alpha",
//     "CMYK" -> "CMYK". An unknown mode is returned as it is.
// KO: 모드를 말로: "1" -> "1-bit black and white", "L" -> "grayscale", "LA" -> "grayscale with alpha",
//     "I" -> "16-bit grayscale", "P" -> "palette", "RGB" -> "RGB", "RGBA" -> "RGB with alpha",
//     "CMYK" -> "CMYK". 모르는 모드는 그대로 돌려줍니다.
std::string mode_description(const std::string& mode);

// EN: Pillow's resampling filters (PIL.Image.Resampling).
// KO: Pillow의 리샘플링 필터(PIL.Image.Resampling).
enum class Resample { nearest, bilinear, bicubic };

// EN: Image.resize((width, height), filter) byte for byte: a width x height picture. BILINEAR and BICUBIC
//     convolve separably, rows first then columns, with Pillow's filter support widened by the downscale
//     factor (so shrinking averages, as Pillow's antialiasing does) and its 22-bit fixed-point weights;
//     NEAREST picks source pixels. A side that keeps its size is not resampled at all. Throws
//     std::invalid_argument("resize: ...") if width or height is below 1 or the picture is empty or its rgb
//     does not hold width * height * 3 bytes.
// KO: Image.resize((width, height), filter)와 바이트까지 같은 width x height 그림을 만듭니다. BILINEAR와
//     BICUBIC은 행 먼저, 그다음 열로 나누어 합성곱하며, 줄이는 배율만큼 넓힌 Pillow의 필터 범위(그래서 줄일
//     때 Pillow의 안티에일리어싱처럼 평균을 냅니다)와 22비트 고정소수점 가중치를 씁니다. NEAREST는 원본
//     픽셀을 고릅니다. 크기가 그대로인 방향은 리샘플링하지 않습니다. width나 height가 1보다 작거나, 그림이
//     비었거나, rgb가 width * height * 3 바이트가 아니면 std::invalid_argument("resize: ...")를 던집니다.
Image resize(const Image& image, int width, int height, Resample filter = Resample::bicubic);

}  // namespace dnn::io
