// app/train_cat.cpp - `make demo`: the Application notebook. Trains the cat classifier on the course's images.
//
//   build/bin/train_cat [--two-layer] [--iterations N] [--data DIR] [--out DIR]
//
// The course files are looked for in --data, then $DNN_DATA, then datasets/. A --data or DNN_DATA folder without
// them is an error (never passed over). When neither is given and datasets/ lacks them, the demo says so and
// trains on the course's planar "flower" data instead, so it always runs.
#include <iostream>
#include <stdexcept>
#include <string>

#include "app/demo.hpp"

using namespace dnn::app;

namespace {

struct Options {
    DemoOptions demo;
    std::string data;
};

Options parse(int argc, char** argv) {
    Options o;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        auto value = [&]() -> std::string {
            if (i + 1 >= argc) throw std::invalid_argument(a + " needs a value");
            return argv[++i];
        };
        if (a == "--two-layer") o.demo.two_layer = true;
        else if (a == "--iterations") o.demo.num_iterations = std::stoi(value());
        else if (a == "--data") o.data = value();
        else if (a == "--out") o.demo.out = value();
        else throw std::invalid_argument("unknown option " + a +
                                         " (use --two-layer, --iterations N, --data DIR, --out DIR)");
    }
    return o;
}

std::string find_data(const Options& o) {
    if (!o.data.empty()) return o.data;  // asked for explicitly: used as given, errors are reported
    return find_course_data();           // $DNN_DATA, then datasets/
}

}  // namespace

int main(int argc, char** argv) {
    try {
        const Options o = parse(argc, argv);
        const std::string dir = find_data(o);
        if (dir.empty()) train_flower_demo(o.demo);
        else train_cat_demo(o.demo, dir);
        return 0;
    } catch (const std::exception& e) {
        std::cerr << "train_cat: " << e.what() << "\n";
        return 1;
    }
}
