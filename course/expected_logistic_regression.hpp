// course/expected_logistic_regression.hpp - "Logistic Regression with a Neural Network mindset" (W2A2): what the
// notebooks printed, version by version, and the main training run on the cat pictures.
//
// EN: The 2021 notebook (v1.2, numpy >= 1.14's print layout) is the default. v6a (and v4, v5: the same cells and
//     numbers) printed with numpy < 1.14, whose float64 scalars show 12 significant digits; the 2017 notebook
//     had other test cases. Full-precision values were re-derived with numpy 1.24. One table for the tests, the
//     replay, the tutorials and tests/expected/make_week2.txt.
// KO: 2021년 노트북(v1.2, numpy >= 1.14 레이아웃)이 기본입니다. v6a(v4, v5도 같음)는 numpy < 1.14로 출력했고
//     float64 스칼라는 유효숫자 12자리입니다. 2017년 노트북은 테스트 케이스가 달랐습니다.
#pragma once

namespace dnn::notebook::expected::logistic_regression {

// ---- the 2021 notebook (v1.2) -------------------------------------------------------------------------------
// print("sigmoid([0, 2]) = " + str(sigmoid(np.array([0,2]))))  (a 1-D array), and the cell after it
inline constexpr const char* sigmoid_0_2 = "[0.5        0.88079708]";
inline constexpr const char* sigmoid_extra = "[0.62245933 0.5        0.88079708]";  // sigmoid([0.5, 0, 2.0])
// initialize_with_zeros(2)
inline constexpr const char* init_w = "[[0.]\n [0.]]";
inline constexpr const char* init_b = "0.0";
// propagate on the cell's case
inline constexpr const char* propagate_dw = "[[ 0.25071532]\n [-0.06604096]]";
inline constexpr const char* propagate_db = "-0.1250040450043965";
inline constexpr const char* propagate_cost = "0.15900537707692405";
// optimize(w, b, X, Y, num_iterations=100, learning_rate=0.009, print_cost=False) on the same case
inline constexpr const char* optimize_w = "[[0.80956046]\n [2.0508202 ]]";
inline constexpr const char* optimize_b = "1.5948713189708588";
inline constexpr const char* optimize_dw = "[[ 0.17860505]\n [-0.04840656]]";
inline constexpr const char* optimize_db = "-0.08888460336847771";
inline constexpr const char* optimize_costs = "[array(0.15900538)]";  // print("Costs = " + str(costs))
// predict(w, b, X) on the cell's case
inline constexpr const char* predictions = "[[1. 1. 0.]]";

// public_tests.py (2021): the values its asserts compare with np.allclose (printed nowhere but as a green
// "All tests passed!"), at full precision where re-derived.
inline constexpr double propagate_test_dw[] = {-0.03909332532409552, 0.12501463672994773, -0.9996080943732777};
inline constexpr double propagate_test_db = 0.288106326429569;
inline constexpr double propagate_test_cost = 2.0424567983978403;
inline constexpr double optimize_test_costs[] = {5.801545319394553, 0.31057103524595564};
inline constexpr double optimize_test_w[] = {-0.7091678374207127, -0.4239085889845461};
inline constexpr double optimize_test_b = 2.2689134634056387;
inline constexpr double optimize_test_dw[] = {0.06188603005059101, -0.014073607308859402};
inline constexpr double optimize_test_db = -0.047093537632615146;
inline constexpr const char* predict_test = "[[1. 0. 1.]]";
inline constexpr double model_test_cost = 0.6931471805599453;  // costs == [array(0.69314718)]
inline constexpr double model_test_w[] = {0.08639756558517206, -0.08231267739826846, -0.11798926529340792,
                                          0.12866053272587225};
inline constexpr double model_test_b = -0.039832360948163205;  // the test's literal: -0.03983236094816321
inline constexpr const char* model_test_Y_prediction_test = "[[1. 1. 0.]]";
inline constexpr const char* model_test_Y_prediction_train = "[[1. 1. 0. 1. 0. 0. 1.]]";

// ---- v6a (and v4, v5): numpy < 1.14 -------------------------------------------------------------------------
namespace v6a {
inline constexpr const char* sigmoid_0_2 = "[ 0.5         0.88079708]";
inline constexpr const char* init_w = "[[ 0.]\n [ 0.]]";
inline constexpr const char* init_b = "0";  // an int 0 before 2021
inline constexpr const char* propagate_dw = "[[ 0.99845601]\n [ 2.39507239]]";
inline constexpr const char* propagate_db = "0.00145557813678";
inline constexpr const char* propagate_cost = "5.80154531939";  // the markdown: 5.801545319394553
inline constexpr const char* optimize_w = "[[ 0.19033591]\n [ 0.12259159]]";
inline constexpr const char* optimize_b = "1.92535983008";
inline constexpr const char* optimize_dw = "[[ 0.67752042]\n [ 1.41625495]]";
inline constexpr const char* optimize_db = "0.219194504541";
inline constexpr const char* predictions = "[[ 1.  1.  0.]]";
// full precision
inline constexpr double propagate_dw_full[] = {0.998456014637956, 2.3950723884862066};
inline constexpr double propagate_db_full = 0.001455578136784208;
inline constexpr double propagate_cost_full = 5.801545319394553;
inline constexpr double optimize_w_full[] = {0.19033590888604332, 0.1225915924656141};
inline constexpr double optimize_b_full = 1.9253598300845747;
inline constexpr double optimize_dw_full[] = {0.6775204222153582, 1.416254952638088};
inline constexpr double optimize_db_full = 0.21919450454067657;
}  // namespace v6a

// ---- the 2017 notebook: its own test cases --------------------------------------------------------------------
namespace v2017 {
inline constexpr const char* sigmoid_0 = "0.5";              // sigmoid(0)
inline constexpr const char* sigmoid_9_2 = "0.999898970806";  // sigmoid(9.2), full 0.9998989708060922
inline constexpr const char* propagate_dw = "[[ 0.99993216]\n [ 1.99980262]]";
inline constexpr const char* propagate_db = "0.499935230625";
inline constexpr const char* propagate_cost = "6.00006477319";  // the markdown: 6.000064773192205
inline constexpr const char* optimize_w = "[[ 0.1124579 ]\n [ 0.23106775]]";
inline constexpr const char* optimize_b = "1.55930492484";
inline constexpr const char* optimize_dw = "[[ 0.90158428]\n [ 1.76250842]]";
inline constexpr const char* optimize_db = "0.430462071679";
inline constexpr const char* predictions = "[[ 1.  1.]]";  // predict with optimize's w, b on the 2x2 X
inline constexpr double propagate_dw_full[] = {0.9999321585374046, 1.9998026197868162};
inline constexpr double propagate_db_full = 0.49993523062470574;
inline constexpr double propagate_cost_full = 6.000064773192205;
inline constexpr double optimize_w_full[] = {0.1124578970863514, 0.2310677467761294};
inline constexpr double optimize_b_full = 1.5593049248448891;
inline constexpr double optimize_dw_full[] = {0.9015842801285687, 1.7625084234859343};
inline constexpr double optimize_db_full = 0.4304620716786828;
}  // namespace v2017

// ---- the cat pictures (every version) ------------------------------------------------------------------------
// The shape block, then the flattened shapes (2021; v4 - v6a print a sanity check between them).
inline constexpr const char* shape_lines[] = {
    "Number of training examples: m_train = 209",
    "Number of testing examples: m_test = 50",
    "Height/Width of each image: num_px = 64",
    "Each image is of size: (64, 64, 3)",
    "train_set_x shape: (209, 64, 64, 3)",
    "train_set_y shape: (1, 209)",
    "test_set_x shape: (50, 64, 64, 3)",
    "test_set_y shape: (1, 50)",
    "train_set_x_flatten shape: (12288, 209)",
    "train_set_y shape: (1, 209)",
    "test_set_x_flatten shape: (12288, 50)",
    "test_set_y shape: (1, 50)"};
inline constexpr const char* sanity_check = "[17 31 56 22 33]";  // v4 - v6a: train_set_x_flatten[0:5, 0]
// 2021's asserts: rows 0..9 of column 1 of the flattened sets
inline constexpr int train_column_1[] = {196, 192, 190, 193, 186, 182, 188, 179, 174, 213};
inline constexpr int test_column_1[] = {115, 110, 111, 137, 129, 129, 155, 146, 145, 159};
inline constexpr int train_cats = 72, test_cats = 33;  // labels equal to 1
inline constexpr const char* picture_25 = "y = [1], it's a 'cat' picture.";

// model(..., num_iterations=2000, learning_rate=0.005, print_cost=True): "Cost after iteration %i: %f" at
// 0, 100, ..., 1900, then the two accuracies (every version; insensitive to the order of summation).
inline constexpr const char* costs[] = {"0.693147", "0.584508", "0.466949", "0.376007", "0.331463", "0.303273",
                                        "0.279880", "0.260042", "0.242941", "0.228004", "0.214820", "0.203078",
                                        "0.192544", "0.183033", "0.174399", "0.166521", "0.159305", "0.152667",
                                        "0.146542", "0.140872"};
inline constexpr const char* train_accuracy = "99.04306220095694";  // train accuracy: {} %
inline constexpr const char* test_accuracy = "70.0";
// full precision, and other facts of the trained model (re-derived)
inline constexpr double costs_full[] = {
    0.6931471805599453, 0.5845083636993086,  0.46694904094655476, 0.37600686694802077, 0.3314632893282513,
    0.30327306747438293, 0.27987958658260487, 0.2600421369258757, 0.2429406846779662,  0.2280042225672606,
    0.2148195137844964, 0.20307819060644985, 0.1925442771670686,  0.18303333796883503, 0.17439859438448874,
    0.16652139705400326, 0.15930451829756614, 0.15266732471296504, 0.1465422350398234,  0.1408720757031016};
inline constexpr double final_b = -0.015906243999692964;
inline constexpr double sum_w = 0.6457737244482411;
inline constexpr double norm_w = 1.8863092965544472;
inline constexpr double w_first[] = {0.00961402219799896, -0.026468295413633845, -0.012265134373681319,
                                     -0.011411563906049296, -0.05016551910169624};
inline constexpr int train_mistakes[] = {41, 75};
inline constexpr int test_mistakes[] = {5, 6, 10, 11, 13, 18, 19, 28, 29, 30, 33, 34, 41, 44, 46};
// "Wrongly classified" cell, index 1 (v5, v6a, 2021): y = 1, you predicted that it is a "cat" picture.
inline constexpr const char* picture_1 = "y = 1, you predicted that it is a \"cat\" picture.";

// The learning-rate comparison: 1500 iterations each, print_cost False. v6a and older print the accuracies (the
// 2021 notebook prints only "Training a model with learning rate: ..." and the separators).
struct LearningRateRun {
    const char* learning_rate;   // "learning rate is: " + str(lr)
    const char* train_accuracy;  // train accuracy: {} %
    const char* test_accuracy;   // test accuracy: {} %
    double costs[15];            // d["costs"], iterations 0, 100, ..., 1400 (as printed with %f)
};
inline constexpr LearningRateRun learning_rates[] = {
    {"0.01", "99.52153110047847", "68.0",
     {0.693147, 0.823921, 0.418944, 0.617350, 0.522116, 0.387709, 0.236254, 0.154222, 0.135328, 0.124971, 0.116478,
      0.109193, 0.102804, 0.097130, 0.092043}},
    {"0.001", "88.99521531100478", "64.0",
     {0.693147, 0.591289, 0.555796, 0.528977, 0.506881, 0.487880, 0.471108, 0.456046, 0.442350, 0.429782, 0.418164,
      0.407362, 0.397269, 0.387802, 0.378888}},
    {"0.0001", "68.42105263157895", "36.0",
     {0.693147, 0.643677, 0.635737, 0.628572, 0.622040, 0.616029, 0.610455, 0.605248, 0.600354, 0.595729, 0.591339,
      0.587153, 0.583149, 0.579307, 0.575611}}};
inline constexpr const char* separator = "-------------------------------------------------------";  // 55 dashes

}  // namespace dnn::notebook::expected::logistic_regression
