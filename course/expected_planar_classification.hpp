// course/expected_planar_classification.hpp - "Planar data classification with one hidden layer" (W3A1): what
// the notebooks printed, version by version, the flower run and the hidden-size sweep.
//
// EN: The 2021 notebook (v3.0, numpy >= 1.14's print layout) is the default. v6c (2019 - 2021) printed with
//     numpy < 1.14 and seeded initialize_parameters with 2; the 2017 notebook used real-valued labels in its test
//     cases. The flower run becomes oscillatory after about 6000 iterations: its last cost lines and the 20- and
//     50-unit accuracies depend on the order of summation inside the products and sums (every notebook run
//     printed them a little differently); the table says which lines do. Full-precision values were re-derived
//     with numpy 1.24. One table for the tests, the replay, the tutorials and tests/expected/make_week3.txt.
// KO: 2021년 노트북(v3.0, numpy >= 1.14 레이아웃)이 기본입니다. v6c는 numpy < 1.14로 출력했고
//     initialize_parameters 안에서 시드 2를 정했습니다. 2017년 노트북의 테스트 케이스는 실수 정답을 썼습니다.
//     꽃 데이터 학습은 6000번쯤부터 진동해서 마지막 비용 줄들과 은닉 유닛 20, 50개의 정확도는 합산 순서에 따라
//     달라집니다(노트북을 실행할 때마다 조금씩 달랐습니다). 어느 줄이 그런지 표에 적었습니다.
#pragma once

namespace dnn::notebook::expected::planar_classification {

// ---- the 2021 notebook (v3.0) -------------------------------------------------------------------------------
inline constexpr const char* dataset_lines[] = {"The shape of X is: (2, 400)", "The shape of Y is: (1, 400)",
                                                "I have m = 400 training examples!"};
// Section 3, scikit-learn's LogisticRegressionCV: the accuracy printed with %d (every version)
inline constexpr const char* logistic_regression_line =
    "Accuracy of logistic regression: 47 % (percentage of correctly labelled datapoints)";
// layer_sizes(X_assess, Y_assess) on layer_sizes_test_case
inline constexpr const char* layer_sizes_lines[] = {"The size of the input layer is: n_x = 5",
                                                    "The size of the hidden layer is: n_h = 4",
                                                    "The size of the output layer is: n_y = 2"};
// np.random.seed(2); initialize_parameters(2, 4, 1)
inline constexpr const char* init_W1 =
    "[[-0.00416758 -0.00056267]\n [-0.02136196  0.01640271]\n [-0.01793436 -0.00841747]\n [ 0.00502881 -0.01245288]]";
inline constexpr const char* init_b1 = "[[0.]\n [0.]\n [0.]\n [0.]]";
inline constexpr const char* init_W2 = "[[-0.01057952 -0.00909008  0.00551454  0.02292208]]";
inline constexpr const char* init_b2 = "[[0.]]";
// public_tests.initialize_parameters_test: seed 2, (3, 5, 2) (np.allclose)
inline constexpr const char* init_test_W1 =
    "[[-0.00416758 -0.00056267 -0.02136196] [ 0.01640271 -0.01793436 -0.00841747] "
    "[ 0.00502881 -0.01245288 -0.01057952] [-0.00909008  0.00551454  0.02292208] "
    "[ 0.00041539 -0.01117925  0.00539058]]";
inline constexpr const char* init_test_W2 =
    "[[-5.96159700e-03 -1.91304965e-04  1.17500122e-02 -7.47870949e-03  9.02525097e-05] "
    "[-8.78107893e-03 -1.56434170e-03  2.56570452e-03 -9.88779049e-03 -3.38821966e-03]]";
// forward_propagation on forward_propagation_test_case: print("A2 = " + str(A2)), and the test's arrays
inline constexpr const char* forward_A2 = "[[0.21292656 0.21274673 0.21295976]]";
inline constexpr const char* forward_test_Z1 =
    "[[ 1.7386459   1.74687437  1.74830797] [-0.81350569 -0.73394355 -0.78767559] "
    "[ 0.29893918  0.32272601  0.34788465] [-0.2278403  -0.2632236  -0.22336567]]";
inline constexpr const char* forward_test_A1 =
    "[[ 0.9400694   0.94101876  0.94118266] [-0.67151964 -0.62547205 -0.65709025] "
    "[ 0.29034152  0.31196971  0.33449821] [-0.22397799 -0.25730819 -0.2197236 ]]";
inline constexpr const char* forward_test_Z2 = "[[-1.30737426 -1.30844761 -1.30717618]]";
// compute_cost(A2, Y_assess): "cost = " + str(cost)
inline constexpr const char* cost = "0.6930587610394646";
inline constexpr double compute_cost_test[] = {0.5447066599017815, 0.22944289410146546};  // its two cases
// backward_propagation on backward_propagation_test_case (the same text in both layouts)
inline constexpr const char* backward_dW1 =
    "[[ 0.00301023 -0.00747267]\n [ 0.00257968 -0.00641288]\n [-0.00156892  0.003893  ]\n [-0.00652037  0.01618243]]";
inline constexpr const char* backward_db1 = "[[ 0.00176201]\n [ 0.00150995]\n [-0.00091736]\n [-0.00381422]]";
inline constexpr const char* backward_dW2 = "[[ 0.00078841  0.01765429 -0.00084166 -0.01022527]]";
inline constexpr const char* backward_db2 = "[[-0.16655712]]";
// public_tests.backward_propagation_test (np.allclose)
inline constexpr const char* backward_test_dW1 =
    "[[-0.24468458 -0.24371232  0.15959609] [ 0.7370069  -0.64785999  0.23669823] "
    "[ 0.47936123 -0.01516428  0.01566728] [ 0.03361075 -0.0930929   0.05581073] "
    "[ 0.52445178 -0.03895358  0.09180612] [-0.17043596  0.13406378 -0.20952062] "
    "[ 0.76144791 -0.41766018  0.02544078] [ 0.22164791 -0.33081645  0.19526915] "
    "[ 0.25619969 -0.09561825  0.05679075]]";
inline constexpr const char* backward_test_db1 =
    "[[ 0.1463639 ] [-0.33647992] [-0.51738006] [-0.07780329] [-0.57889514] [ 0.28357278] [-0.39756864] "
    "[-0.10510329] [-0.13443244]]";
inline constexpr const char* backward_test_dW2 =
    "[[-0.35768529  0.22046323 -0.29551566 -0.12202786  0.18809552  0.13700323  0.35892872 -0.02220353 -0.03976687]]";
inline constexpr const char* backward_test_db2 = "[[-0.78032466]]";
// update_parameters(parameters, grads) on update_parameters_test_case
inline constexpr const char* update_W1 =
    "[[-0.00643025  0.01936718]\n [-0.02410458  0.03978052]\n [-0.01653973 -0.02096177]\n [ 0.01046864 -0.05990141]]";
inline constexpr const char* update_b1 =
    "[[-1.02420756e-06]\n [ 1.27373948e-05]\n [ 8.32996807e-07]\n [-3.20136836e-06]]";
inline constexpr const char* update_W2 = "[[-0.01041081 -0.04463285  0.01758031  0.04747113]]";
inline constexpr const char* update_b2 = "[[0.00010457]]";
// nn_model(X, Y, n_h=5, num_iterations=10000, print_cost=True) on nn_model_test_case (public_tests, v3.0)
inline constexpr const char* nn_model_costs[] = {"0.693497", "0.000180", "0.000088", "0.000058", "0.000044",
                                                 "0.000035", "0.000029", "0.000025", "0.000022", "0.000019"};
inline constexpr const char* nn_model_W1 =
    "[[-0.48394893 -0.91443482]\n [-0.69227123 -1.28596651]\n [ 0.63806018  1.18124948]\n [ 0.73594679  1.35718308]\n"
    " [-0.62621054 -1.16022636]]";
inline constexpr const char* nn_model_b1 =
    "[[ 0.00285386]\n [ 0.01642488]\n [-0.01114986]\n [-0.01656405]\n [ 0.01042274]]";
inline constexpr const char* nn_model_W2 = "[[-1.45325879 -2.65768451  2.26286606  2.97274518 -2.18860534]]";
inline constexpr const char* nn_model_b2 = "[[0.00758617]]";
inline constexpr double nn_model_W1_full[] = {-0.4839489325361081, -0.9144348166554156, -0.6922712328403438,
                                              -1.2859665139157597, 0.6380601762849573,  1.1812494816836638,
                                              0.7359467908741808,  1.3571830805409628,  -0.6262105409648862,
                                              -1.1602263595143407};
// The v1.1 variant (n_h = 4, printed in a 2021 run)
namespace v1_1 {
inline constexpr const char* nn_model_costs[] = {"0.693086", "0.000220", "0.000108", "0.000072", "0.000054",
                                                 "0.000043", "0.000036", "0.000030", "0.000027", "0.000024"};
inline constexpr const char* nn_model_W1 =
    "[[ 0.71392202  1.31281102]\n [-0.76411243 -1.41967065]\n [-0.75040545 -1.38857337]\n [ 0.56495575  1.04857776]]";
inline constexpr const char* nn_model_b1 = "[[-0.0073536 ]\n [ 0.01534663]\n [ 0.01262938]\n [ 0.00218135]]";
inline constexpr const char* nn_model_W2 = "[[ 2.82545815 -3.3063945  -3.16116615  1.8549574 ]]";
inline constexpr const char* nn_model_b2 = "[[0.00393452]]";
}  // namespace v1_1
// predict(parameters, X_assess) on predict_test_case: print("Predictions: " + str(predictions))
inline constexpr const char* predictions = "[[ True False  True]]";

// ---- v6c (2019 - 2021): numpy < 1.14, seed 2 inside initialize_parameters ----------------------------------
namespace v6c {
inline constexpr const char* init_b1 = "[[ 0.]\n [ 0.]\n [ 0.]\n [ 0.]]";  // W1, W2: as in 2021
inline constexpr const char* init_b2 = "[[ 0.]]";
// print(np.mean(cache['Z1']), np.mean(cache['A1']), np.mean(cache['Z2']), np.mean(cache['A2']))
inline constexpr const char* forward_means = "0.262818640198 0.091999045227 -1.30766601287 0.212877681719";
inline constexpr double forward_means_full[] = {0.26281864019752443, 0.09199904522700109, -1.3076660128732143,
                                                0.21287768171914198};
inline constexpr const char* cost = "0.6930587610394646";  // compute_cost(A2, Y_assess, parameters)
inline constexpr const char* update_b1 =
    "[[ -1.02420756e-06]\n [  1.27373948e-05]\n [  8.32996807e-07]\n [ -3.20136836e-06]]";
inline constexpr const char* update_b2 = "[[ 0.00010457]]";
// nn_model(X_assess, Y_assess, 4, num_iterations=10000, print_cost=True) on v6c's nn_model_test_case
inline constexpr const char* nn_model_costs[] = {"0.692739", "0.000218", "0.000107", "0.000071", "0.000053",
                                                 "0.000042", "0.000035", "0.000030", "0.000026", "0.000023"};
inline constexpr const char* nn_model_W1 =
    "[[-0.65848169  1.21866811]\n [-0.76204273  1.39377573]\n [ 0.5792005  -1.10397703]\n [ 0.76773391 -1.41477129]]";
inline constexpr const char* nn_model_b1 = "[[ 0.287592  ]\n [ 0.3511264 ]\n [-0.2431246 ]\n [-0.35772805]]";
inline constexpr const char* nn_model_W2 = "[[-2.45566237 -3.27042274  2.00784958  3.36773273]]";
inline constexpr const char* nn_model_b2 = "[[ 0.20459656]]";
inline constexpr const char* predictions_mean = "0.666666666667";  // print("predictions mean = " + str(...))
}  // namespace v6c

// ---- the 2017 notebook: testCases.py with real-valued labels --------------------------------------------------
namespace v2017 {
inline constexpr const char* forward_means = "-0.000499755777742 -0.000496963353232 0.000438187450959 0.500109546852";
inline constexpr double forward_means_full[] = {-0.0004997557777419913, -0.000496963353231779,
                                                0.00043818745095914653, 0.500109546852431};
inline constexpr const char* cost = "0.692919893776";
inline constexpr double cost_full = 0.6929198937761266;
inline constexpr const char* backward_dW1 =
    "[[ 0.01018708 -0.00708701]\n [ 0.00873447 -0.0060768 ]\n [-0.00530847  0.00369379]\n [-0.02206365  0.01535126]]";
inline constexpr const char* backward_db1 = "[[-0.00069728]\n [-0.00060606]\n [ 0.000364  ]\n [ 0.00151207]]";
inline constexpr const char* backward_dW2 = "[[ 0.00363613  0.03153604  0.01162914 -0.01318316]]";
inline constexpr const char* backward_db2 = "[[ 0.06589489]]";
// (its nn_model test, on real-valued labels, diverges; the printed arrays cannot be reproduced to their digits)
}  // namespace v2017

// ---- the flower: nn_model(X, Y, n_h = 4, num_iterations = 10000, print_cost=True) -------------------------------
// "Cost after iteration %i: %f" at 0, 1000, ..., 9000. The first `exact` lines are insensitive to the order of
// summation; the later ones differed between the notebooks' own runs (spread: every value they printed).
struct CostLine {
    const char* printed;   // the notebook run cited
    const char* spread;    // every value the notebooks' runs printed for this line ("" when they all agree)
};
inline constexpr CostLine flower_costs[] = {  // the 2021 seeding (the 2021 notebook, v3.0)
    {"0.693162", ""}, {"0.258625", ""}, {"0.239334", ""}, {"0.230802", ""}, {"0.225528", ""},
    {"0.221845", ""}, {"0.219094", ""}, {"0.220677", "0.220639, 0.220677"}, {"0.219413", "0.219403, 0.219413"},
    {"0.218486", "0.218483, 0.218486"}};
inline constexpr int flower_costs_exact = 7;  // iterations 0 .. 6000
inline constexpr const char* flower_accuracy = "Accuracy: 90%";  // every version (90.75 % with the 2021 seeding)
// The full-precision costs numpy 1.24 with OpenBLAS gives (re-derived), the first seven insensitive.
inline constexpr double flower_costs_full[] = {0.6931621661402945, 0.25862506828690457, 0.23933351654583138,
                                               0.23080163442975743, 0.22552802708176345, 0.22184467595022694,
                                               0.2190943835487874};
namespace v6c {
inline constexpr CostLine flower_costs[] = {
    {"0.693048", ""}, {"0.288083", ""}, {"0.254385", ""}, {"0.233864", ""}, {"0.226792", ""}, {"0.222644", ""},
    {"0.219731", ""}, {"0.217504", ""}, {"0.219471", "0.219454, 0.219471, 0.219472"},
    {"0.218612", "0.218562, 0.218607, 0.218612"}};
inline constexpr int flower_costs_exact = 8;  // iterations 0 .. 7000
inline constexpr double flower_costs_full[] = {0.6930480201239823, 0.28808329356901846, 0.25438549407324595,
                                               0.23386415038952207, 0.2267924874485401,  0.22264427549299018,
                                               0.21973140404281324, 0.21750365405131297};
}  // namespace v6c

// ---- 6 - Tuning hidden layer size: nn_model(X, Y, n_h, num_iterations = 5000), then
// "Accuracy for {} hidden units: {} %". 1 - 5 are insensitive; 20 and 50 depend on the order of summation. -------
struct SweepLine {
    int n_h;
    const char* printed;  // the notebook run cited
    const char* spread;   // every value the notebooks' runs printed ("" when they all agree)
};
inline constexpr SweepLine sweep[] = {  // the 2021 seeding; the 2021 notebook runs sizes 1 - 5 (20 and 50 from v1.1)
    {1, "67.5", ""}, {2, "67.25", ""}, {3, "90.75", ""}, {4, "90.5", ""}, {5, "91.25", ""},
    {20, "91.0", "91.0 (v1.1)"}, {50, "90.25", "90.25 (v1.1)"}};
inline constexpr int sweep_exact = 5;
namespace v6c {
inline constexpr SweepLine sweep[] = {{1, "67.5", ""},   {2, "67.25", ""}, {3, "90.75", ""},
                                      {4, "90.5", ""},   {5, "91.25", ""}, {20, "90.0", "90.0, 90.5"},
                                      {50, "90.25", "90.25, 90.75"}};
}  // namespace v6c

// ---- load_planar_dataset (re-derived with numpy 1.24; numpy's own sin and cos on AVX-512 machines may differ
// from the C library's in the last bit) ---------------------------------------------------------------------------
inline constexpr double X_first[2][3] = {{1.2044422922543192, 0.15870990398255375, 0.09524719604502052},
                                         {3.576114148128845, -1.4821709003683443, -1.2799553276531797}};
inline constexpr double X_sum_rows[2] = {-17.33836367040442, 27.426346947846085};
inline constexpr double X_abs_sum = 1289.404080403798;
inline constexpr int grid_rows = 1008, grid_cols = 1030;  // plot_decision_boundary's grid on the flower data
inline constexpr double grid_x_min = -5.211898112302496, grid_y_min = -5.035124003739588;

}  // namespace dnn::notebook::expected::planar_classification
