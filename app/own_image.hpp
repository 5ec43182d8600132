// app/own_image.hpp - the Application notebook's last section, "Test with your own image": a picture becomes the
// network's column of 12288 numbers exactly as the notebook's cell makes it, and the trained network says what
// it sees. `make predict` (app/predict.cpp) is these functions as a program.
//
// EN: The 2021 notebook (W4A2) runs, with my_image = "my_image.jpg" and my_label_y = [1]:
//         fname = "images/" + my_image
//         image = np.array(Image.open(fname).resize((num_px, num_px)))
//         plt.imshow(image)
//         image = image / 255.
//         image = image.reshape((1, num_px * num_px * 3)).T
//         my_predicted_image = predict(image, my_label_y, parameters)
//         print ("y = " + str(np.squeeze(my_predicted_image)) + ", your L-layer model predicts a \"" +
//                classes[int(np.squeeze(my_predicted_image)),].decode("utf-8") + "\" picture.")
//     image_to_x is the lines up to the reshape (Image.resize's default filter is BICUBIC since Pillow 7; the
//     2017 and 2020 notebooks resized with scipy.misc.imresize, which is Pillow's BILINEAR), predict_own_image
//     the last two. io::read_image gives the picture as Image.open(fname).convert("RGB"): the notebook has no
//     convert, and fails on a grayscale, palette, RGBA or CMYK file (its array does not hold 12288 numbers);
//     conversion_note says in one line that such a picture was converted. Like Image.open, nothing here applies
//     the EXIF orientation (io::exif_transpose does, when asked).
// KO: 2021년 노트북(W4A2)은 my_image = "my_image.jpg", my_label_y = [1]로 위의 코드를 실행합니다.
//     image_to_x는 reshape까지의 줄들이고(Image.resize의 기본 필터는 Pillow 7부터 BICUBIC입니다. 2017년과
//     2020년 노트북은 scipy.misc.imresize, 즉 Pillow의 BILINEAR로 줄였습니다), predict_own_image는 마지막 두
//     줄입니다. io::read_image는 Image.open(fname).convert("RGB")처럼 이미지를 읽습니다. 노트북에는 convert가
//     없어서 회색조, 팔레트, RGBA, CMYK 파일에서는 실패합니다(배열에 숫자가 12288개가 아님). 그런 이미지를
//     변환했다는 것은 conversion_note가 한 줄로 알려 줍니다. Image.open처럼 여기서도 EXIF 방향은 적용하지
//     않습니다(요청하면 io::exif_transpose가 적용합니다).
#pragma once

#include <iosfwd>
#include <string>
#include <vector>

#include "app/image_grid.hpp"
#include "io/image.hpp"
#include "matrix/matrix.hpp"
#include "nn/types.hpp"

namespace dnn::app {

// EN: The network's input for a picture already num_px x num_px (the resize done): its bytes divided by 255.
//     (a float64 division, as numpy's), reshaped to one column in numpy's C order of (row, column, channel):
//     x[(row * width + column) * 3 + channel], the order load_data's pictures are flattened in.
// KO: 이미 num_px x num_px인(크기 조절을 마친) 이미지의 입력: 바이트를 255.로 나누고(numpy처럼 float64
//     나눗셈) (행, 열, 채널)의 C 순서로 한 열로 폅니다: x[(row * width + column) * 3 + channel]. load_data의
//     이미지를 펴는 순서와 같습니다.
// resized: width x height  ->  x: (width * height * 3, 1), values in [0, 1]
Matrix pixels_to_x(const io::Image& resized);

// EN: The notebook's lines up to the reshape: Image.resize((num_px, num_px), filter), / 255., reshape.
//     Throws std::invalid_argument if num_px < 1 or the picture is empty.
// KO: 노트북에서 reshape까지의 줄: Image.resize((num_px, num_px), filter), / 255., reshape.
// image: any size  ->  x: (num_px * num_px * 3, 1)
Matrix image_to_x(const io::Image& image, int num_px, io::Resample filter = io::Resample::bicubic);

// EN: The side of the square pictures the parameters take: W1 has num_px * num_px * 3 columns (64 for make demo's
//     network). Throws std::invalid_argument when there is no W1 or its columns are not a square picture's.
// KO: 파라미터가 받는 정사각형 이미지의 한 변: W1의 열이 num_px * num_px * 3개입니다(make demo의 신경망은 64).
//     W1이 없거나 열 수가 정사각형 이미지의 것이 아니면 std::invalid_argument를 던집니다.
int num_px_of(const Parameters& parameters);

struct OwnImagePrediction {
    double probability = 0;  // the network's output AL (the sigmoid): how sure it is that this is a cat
    double y = 0;            // predict's p: 1.0 when probability > 0.5, else 0.0
    std::string class_name;  // classes[int(y)]
};

// EN: The cell's last two lines: predict(image, my_label_y, parameters) prints "Accuracy: ..." (1.0 when the
//     prediction is the label, else 0.0), then the sentence of prediction_sentence. Throws
//     std::invalid_argument if x is not one column, label is not 0 or 1, or classes has fewer than two names.
// KO: 셀의 마지막 두 줄: predict(image, my_label_y, parameters)가 "Accuracy: ..."를 출력하고(예측이 정답과
//     같으면 1.0, 아니면 0.0), 이어서 prediction_sentence의 문장을 출력합니다.
// x: (n[0], 1)  label: 0 or 1  classes: the test file's list_classes ({"non-cat", "cat"})
OwnImagePrediction predict_own_image(const Matrix& x, double label, const Parameters& parameters,
                                     const std::vector<std::string>& classes, std::ostream& out);

// EN: "y = 1.0, your L-layer model predicts a \"cat\" picture." for y = 1 (str of numpy's float: 1.0 / 0.0).
// KO: y = 1이면 "y = 1.0, your L-layer model predicts a \"cat\" picture."(numpy float의 str: 1.0 / 0.0).
std::string prediction_sentence(double y, const std::vector<std::string>& classes);

// EN: The filters by the names the program takes: "bicubic", "bilinear", "nearest". parse_resample throws
//     std::invalid_argument naming the three for any other name.
// KO: 프로그램이 받는 필터 이름: "bicubic", "bilinear", "nearest". 다른 이름이면 parse_resample이 세 이름을
//     알려 주는 std::invalid_argument를 던집니다.
std::string resample_name(io::Resample filter);
io::Resample parse_resample(const std::string& name);

// EN: "" for an RGB file; otherwise one line saying that the picture (name) was converted, e.g.
//     note: cat.png: mode "P" (palette) converted to RGB as Pillow's .convert("RGB") does (the notebook's cell
//     would fail on it)
// KO: RGB 파일이면 "", 아니면 이미지(name)를 변환했다는 한 줄(위의 예).
std::string conversion_note(const io::ImageFile& file, const std::string& name);

// ---- the picture: out/my_image.png / 이미지 ------------------------------------------------------------------

// One picture's row in the output picture.
struct OwnImagePanel {
    io::Image picture;            // the picture as given to the resize
    io::Image seen;               // the num_px x num_px picture the network saw
    std::string caption_picture;  // under the picture, '\n' between lines
    std::string caption_seen;     // under the picture the network saw
};

// EN: One row per panel: the picture (shrunk with BICUBIC to fit in box x box when larger, enlarged by a whole
//     factor with nearest neighbour when at most half as large), beside the picture the network saw enlarged
//     with nearest neighbour to box x box (each of its pixels a block of box / num_px pixels), captioned with
//     the bitmap font of image_grid.hpp (ASCII; other characters are drawn as boxes). box: 64 to 1024.
//     Throws std::invalid_argument when there are no panels or a picture is empty.
// KO: 패널마다 한 행: 이미지(box x box보다 크면 BICUBIC으로 줄이고, 절반 이하로 작으면 최근접 이웃으로 정수배
//     키움) 옆에 신경망이 본 이미지를 최근접 이웃으로 box x box로 키워(픽셀 하나가 box / num_px 픽셀 블록)
//     놓고, image_grid.hpp의 비트맵 글꼴로 설명을 씁니다(ASCII. 다른 글자는 네모로 그립니다).
RgbImage render_own_images(const std::vector<OwnImagePanel>& panels, int box = 256);

// EN: render_own_images written as PNG (through a temporary file and a rename).
// KO: render_own_images의 결과를 PNG로 씁니다(임시 파일과 이름 바꾸기로).
void save_own_images_png(const std::string& path, const std::vector<OwnImagePanel>& panels, int box = 256);

}  // namespace dnn::app
