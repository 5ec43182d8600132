// app/predict.cpp - `make predict IMAGE=...`: the Application notebook's "Test with your own image" cell.
//
//   build/bin/predict [--label 0|1] [--resample bicubic|bilinear|nearest] [--exif-rotate]
//                     [--parameters FILE] [--data DIR] [--out DIR] IMAGE...
//
// Reads each picture (JPEG or PNG) as Image.open(...).convert("RGB"), resizes it to 64 x 64 and asks the network
// make demo trained (out/parameters.npz; trained first, exactly as make demo does, when there is none), printing
// the notebook's lines and the probability, and writes out/my_image.png. `--help` says it all.
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <stdexcept>
#include <string>
#include <vector>

#include "app/demo.hpp"
#include "app/own_image.hpp"
#include "io/h5/h5file.hpp"
#include "io/npz.hpp"
#include "matrix/format.hpp"

using namespace dnn;
using namespace dnn::app;
namespace fs = std::filesystem;

namespace {

const char* const kHelp =
    R"(Usage: build/bin/predict [options] IMAGE...      (or: make predict IMAGE=path/to/photo.jpg)

The Application notebook's last section, "Test with your own image": each picture (JPEG or PNG) is resized to
64 x 64, divided by 255 and given to the network make demo trained, as the notebook's cell does. For each picture
it prints the notebook's two lines and the network's probability:

    Accuracy: 1.0
    y = 1.0, your L-layer model predicts a "cat" picture.
    p = 0.97370664 (bicubic)

and it writes OUT/my_image.png: each picture beside the 64 x 64 the network saw, with the prediction.

Options:
  --label 0|1        the picture's true class, the notebook's my_label_y (default 1, a cat); predict's
                     "Accuracy:" line compares the prediction with it
  --resample NAME    how the picture is shrunk to 64 x 64: bicubic (the default: Pillow's since version 7, the
                     2021 notebook), bilinear (scipy.misc.imresize of the 2017 and 2020 notebooks), nearest
  --exif-rotate      turn the picture upright by its EXIF orientation first, as ImageOps.exif_transpose does.
                     The notebook does not: Image.open ignores the orientation a phone camera writes, so the
                     network sees the picture as stored, perhaps on its side
  --parameters FILE  the trained parameters (default OUT/parameters.npz, which make demo writes; when it does
                     not exist, the network is trained first, exactly as make demo does)
  --data DIR         the course files train_catvnoncat.h5 and test_catvnoncat.h5 (default: $DNN_DATA, then
                     datasets/); the class names come from the test file, as the notebook's classes do
  --out DIR          where parameters.npz is looked for and my_image.png is written (default out)
  --help             this text

Grayscale, palette, transparent (RGBA) and CMYK pictures are converted to RGB as Pillow's .convert("RGB") does,
and a line says so (the notebook's cell would fail on them).
)";

struct Options {
    double label = 1;
    io::Resample filter = io::Resample::bicubic;
    bool exif_rotate = false;
    std::string parameters, data, out = "out";
    std::vector<std::string> images;
    bool help = false;
};

// A command-line mistake: reported with a pointer to --help, exit status 2.
struct UsageError : std::invalid_argument {
    using std::invalid_argument::invalid_argument;
};

Options parse(int argc, char** argv) {
    Options o;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        auto value = [&]() -> std::string {
            if (i + 1 >= argc) throw UsageError(a + " needs a value");
            return argv[++i];
        };
        if (a == "--help" || a == "-h") o.help = true;
        else if (a == "--label") {
            const std::string v = value();
            if (v != "0" && v != "1") throw UsageError("--label is '" + v + "': 1 for a cat, 0 for a non-cat");
            o.label = v == "1" ? 1 : 0;
        } else if (a == "--resample") {
            try {
                o.filter = parse_resample(value());
            } catch (const std::invalid_argument& e) {
                throw UsageError(e.what());
            }
        } else if (a == "--exif-rotate") o.exif_rotate = true;
        else if (a == "--parameters") o.parameters = value();
        else if (a == "--data") o.data = value();
        else if (a == "--out") o.out = value();
        else if (a.size() > 1 && a[0] == '-') throw UsageError("unknown option " + a);
        else o.images.push_back(a);
    }
    return o;
}

// What the notebook's orientation tag values mean to a viewer.
std::string orientation_words(int orientation) {
    switch (orientation) {
        case 2: return "mirrored";
        case 3: return "upside down";
        case 4: return "mirrored upside down";
        case 5: return "mirrored and on its side";
        case 6: return "on its side (viewers turn it 90 degrees clockwise)";
        case 7: return "mirrored and on its side";
        case 8: return "on its side (viewers turn it 90 degrees counter-clockwise)";
        default: return "upright";
    }
}

struct Picture {
    std::string path;
    io::ImageFile file;
    io::Image given;  // what goes to the resize: the file's picture, turned upright if --exif-rotate
};

// Reads every picture before anything is trained, so a wrong path is said at once. A picture that cannot be read
// is reported (the reader's message names the file and what is wrong) and left out.
std::vector<Picture> read_pictures(const Options& o, int& failures) {
    std::vector<Picture> pictures;
    for (const std::string& path : o.images) {
        try {
            Picture p;
            p.path = path;
            p.file = io::open_image(path);
            p.given = o.exif_rotate ? io::exif_transpose(p.file.image, p.file.orientation) : p.file.image;
            pictures.push_back(std::move(p));
        } catch (const std::exception& e) {
            std::cerr << "predict: " << e.what() << "\n";
            ++failures;
        }
    }
    return pictures;
}

std::string course_files_missing(const std::string& why) {
    return why +
           "\nThe class names come from the course's test_catvnoncat.h5 (its list_classes, as the notebook's "
           "classes), and make demo trains the cat classifier on train_catvnoncat.h5: put your copy of the two files "
           "in datasets/ (or set DNN_DATA=<folder>, or --data DIR).\n"
           "강의 파일(train_catvnoncat.h5, test_catvnoncat.h5)을 찾지 못했습니다. 클래스 이름은 테스트 세트 파일에서 "
           "읽고, 학습에는 두 파일이 모두 필요합니다. 두 파일을 datasets/에 두거나 DNN_DATA=<폴더>를 설정하세요.";
}

std::string layers_of(const Parameters& parameters) {
    std::string s = "[" + std::to_string(parameters["W1"].cols());
    for (int l = 1; parameters.count("W" + std::to_string(l)); ++l)
        s += ", " + std::to_string(parameters["W" + std::to_string(l)].rows());
    return s + "]";
}

// The trained parameters: the file's, or make demo's training when there is no file (and none was named).
Parameters get_parameters(const Options& o, const std::string& dir) {
    const std::string path = o.parameters.empty() ? o.out + "/parameters.npz" : o.parameters;
    std::error_code ec;
    if (!fs::exists(path, ec)) {
        if (!o.parameters.empty()) throw std::runtime_error("--parameters " + path + ": no such file");
        std::cout << path << " does not exist yet: training the cat classifier first, exactly as make demo does.\n\n";
        DemoOptions demo;
        demo.out = o.out;
        Parameters trained = train_cat_demo(demo, dir).parameters;
        std::cout << "\n";
        return trained;
    }
    Parameters parameters = io::load_npz(path);
    const auto w1 = parameters.find("W1");
    if (w1 != parameters.end() && w1->second.cols() < 12) {
        throw std::runtime_error(path + " holds a network for " + std::to_string(w1->second.cols()) +
                                 " inputs (make demo trains one on the planar flower data when the course files are "
                                 "missing); a 64 x 64 picture is 12288: run make demo with the course files, then make "
                                 "predict again");
    }
    num_px_of(parameters);  // W1 must take a square RGB picture
    std::cout << "Parameters: " << path << " (layers_dims " << layers_of(parameters) << ")\n";
    return parameters;
}

std::string base_name(const std::string& path, std::size_t at_most) {
    std::string name = fs::path(path).filename().string();
    if (name.size() > at_most) name = "..." + name.substr(name.size() - (at_most - 3));
    return name;
}

int run(const Options& o) {
    int failures = 0;
    const std::vector<Picture> pictures = read_pictures(o, failures);
    if (pictures.empty()) return 1;

    const std::string dir = o.data.empty() ? find_course_data() : o.data;  // $DNN_DATA, then datasets/
    if (dir.empty()) throw std::runtime_error(course_files_missing(
        "the course files train_catvnoncat.h5 / test_catvnoncat.h5 are not in datasets/ (and DNN_DATA is not set)."));
    const std::string test_file = dir + "/test_catvnoncat.h5";
    if (!fs::is_regular_file(test_file)) throw std::runtime_error(course_files_missing(test_file + " does not exist."));
    const std::vector<std::string> classes = io::H5File(test_file).read("list_classes").strings;

    const Parameters parameters = get_parameters(o, dir);
    const int num_px = num_px_of(parameters);
    const std::string filter = resample_name(o.filter);
    std::cout << "classes: " << (classes.size() == 2 ? classes[0] + ", " + classes[1] : std::string("?")) << " (from "
              << test_file << "); my_label_y = [" << int(o.label) << "]\n";

    std::vector<OwnImagePanel> panels;
    for (const Picture& p : pictures) {
        const io::Image& img = p.given;
        std::cout << "\n" << p.path << ": " << p.file.image.width << " x " << p.file.image.height << " " << p.file.format
                  << ", resized to " << num_px << " x " << num_px << " (" << filter << ")\n";
        if (const std::string note = conversion_note(p.file, p.path); !note.empty()) std::cout << note << "\n";
        if (p.file.orientation != 1 && !o.exif_rotate)
            std::cout << "note: its EXIF orientation (" << p.file.orientation << ": stored "
                      << orientation_words(p.file.orientation)
                      << ") is not applied, as in the notebook (Image.open ignores it); --exif-rotate applies it\n";
        if (p.file.orientation != 1 && o.exif_rotate)
            std::cout << "note: turned upright by its EXIF orientation (" << p.file.orientation
                      << "), as ImageOps.exif_transpose does: now " << img.width << " x " << img.height << "\n";

        const io::Image seen = io::resize(img, num_px, num_px, o.filter);
        const Matrix x = pixels_to_x(seen);
        const OwnImagePrediction r = predict_own_image(x, o.label, parameters, classes, std::cout);
        char line[64];
        std::snprintf(line, sizeof line, "p = %.8f (%s)", r.probability, filter.c_str());
        std::cout << line << "\n";

        char p_short[32];
        std::snprintf(p_short, sizeof p_short, "p = %.4f", r.probability);
        panels.push_back({img, seen,
                          base_name(p.path, 24) + "\n" + std::to_string(img.width) + " x " + std::to_string(img.height) +
                              " " + p.file.format + (o.exif_rotate && p.file.orientation != 1 ? ", upright" : ""),
                          std::to_string(num_px) + " x " + std::to_string(num_px) + ", " + filter + "\ny = " +
                              py_repr(r.y) + ": \"" + r.class_name + "\"\n" + p_short});
    }

    fs::create_directories(o.out);
    const std::string png = o.out + "/my_image.png";
    save_own_images_png(png, panels);
    std::cout << "\nWrote " << png << " (" << (panels.size() == 1 ? "the picture" : "each picture") << " beside the "
              << num_px << " x " << num_px << " the network saw)\n";
    return failures ? 1 : 0;
}

}  // namespace

int main(int argc, char** argv) {
    try {
        const Options o = parse(argc, argv);
        if (o.help) {
            std::cout << kHelp;
            return 0;
        }
        if (o.images.empty()) throw UsageError("no picture given");
        return run(o);
    } catch (const UsageError& e) {
        std::cerr << "predict: " << e.what() << " (see build/bin/predict --help; with make: make predict "
                  << "IMAGE=path/to/photo.jpg)\n";
        return 2;
    } catch (const std::exception& e) {
        std::cerr << "predict: " << e.what() << "\n";
        return 1;
    }
}
