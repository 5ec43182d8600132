// course/expected_outputs.hpp - the v8a notebook's "Expected output" cells, as printed there.
//
// EN: The demo and the tutorials print each result beside these texts (dnn::notebook::show). The tests keep
//     their own copy of every value, so a typo here cannot hide a wrong result.
// KO: 데모와 튜토리얼이 각 결과를 이 텍스트 옆에 출력합니다(dnn::notebook::show). 테스트는 값을 따로 갖고 있어
//     여기의 오타가 틀린 결과를 가릴 수 없습니다.
#pragma once

namespace dnn::notebook::expected {

// initialize_parameters(3, 2, 1)
inline constexpr const char* init_W1 = "[[ 0.01624345 -0.00611756 -0.00528172]\n [-0.01072969  0.00865408 -0.02301539]]";
inline constexpr const char* init_b1 = "[[ 0.]\n [ 0.]]";
inline constexpr const char* init_W2 = "[[ 0.01744812 -0.00761207]]";
inline constexpr const char* init_b2 = "[[ 0.]]";

// initialize_parameters_deep([5, 4, 3])
inline constexpr const char* deep_W1 =
    "[[ 0.01788628  0.0043651   0.00096497 -0.01863493 -0.00277388]\n"
    " [-0.00354759 -0.00082741 -0.00627001 -0.00043818 -0.00477218]\n"
    " [-0.01313865  0.00884622  0.00881318  0.01709573  0.00050034]\n"
    " [-0.00404677 -0.0054536  -0.01546477  0.00982367 -0.01101068]]";
inline constexpr const char* deep_b1 = "[[ 0.]\n [ 0.]\n [ 0.]\n [ 0.]]";
inline constexpr const char* deep_W2 =
    "[[-0.01185047 -0.0020565   0.01486148  0.00236716]\n"
    " [-0.01023785 -0.00712993  0.00625245 -0.00160513]\n"
    " [-0.00768836 -0.00230031  0.00745056  0.01976111]]";
inline constexpr const char* deep_b2 = "[[ 0.]\n [ 0.]\n [ 0.]]";

// linear_forward
inline constexpr const char* linear_forward_Z = "[[ 3.26295337 -1.23429987]]";

// linear_activation_forward
inline constexpr const char* sigmoid_A = "[[ 0.96890023  0.11013289]]";
inline constexpr const char* relu_A = "[[ 3.43896131  0.        ]]";

// L_model_forward
inline constexpr const char* L_model_forward_AL = "[[ 0.03921668  0.70498921  0.19734387  0.04728177]]";
inline constexpr const char* L_model_forward_caches = "3";

// compute_cost
inline constexpr const char* cost = "0.2797765635793422";

// linear_backward
inline constexpr const char* linear_backward_dA_prev =
    "[[-1.15171336  0.06718465 -0.3204696   2.09812712]\n"
    " [ 0.60345879 -3.72508701  5.81700741 -3.84326836]\n"
    " [-0.4319552  -1.30987417  1.72354705  0.05070578]\n"
    " [-0.38981415  0.60811244 -1.25938424  1.47191593]\n"
    " [-2.52214926  2.67882552 -0.67947465  1.48119548]]";
inline constexpr const char* linear_backward_dW =
    "[[ 0.07313866 -0.0976715  -0.87585828  0.73763362  0.00785716]\n"
    " [ 0.85508818  0.37530413 -0.59912655  0.71278189 -0.58931808]\n"
    " [ 0.97913304 -0.24376494 -0.08839671  0.55151192 -0.10290907]]";
inline constexpr const char* linear_backward_db = "[[-0.14713786]\n [-0.11313155]\n [-0.13209101]]";

// linear_activation_backward
inline constexpr const char* sigmoid_dA_prev = "[[ 0.11017994  0.01105339]\n [ 0.09466817  0.00949723]\n [-0.05743092 -0.00576154]]";
inline constexpr const char* sigmoid_dW = "[[ 0.10266786  0.09778551 -0.01968084]]";
inline constexpr const char* sigmoid_db = "[[-0.05729622]]";
inline constexpr const char* relu_dA_prev = "[[ 0.44090989  0.        ]\n [ 0.37883606  0.        ]\n [-0.2298228   0.        ]]";
inline constexpr const char* relu_dW = "[[ 0.44513824  0.37371418 -0.10478989]]";
inline constexpr const char* relu_db = "[[-0.20837892]]";

// L_model_backward (print_grads)
inline constexpr const char* grads_dW1 =
    "[[ 0.41010002  0.07807203  0.13798444  0.10502167]\n"
    " [ 0.          0.          0.          0.        ]\n"
    " [ 0.05283652  0.01005865  0.01777766  0.0135308 ]]";
inline constexpr const char* grads_db1 = "[[-0.22007063]\n [ 0.        ]\n [-0.02835349]]";
inline constexpr const char* grads_dA1 = "[[ 0.12913162 -0.44014127]\n [-0.14175655  0.48317296]\n [ 0.01663708 -0.05670698]]";

// update_parameters(parameters, grads, 0.1)
inline constexpr const char* update_W1 =
    "[[-0.59562069 -0.09991781 -2.14584584  1.82662008]\n"
    " [-1.76569676 -0.80627147  0.51115557 -1.18258802]\n"
    " [-1.0535704  -0.86128581  0.68284052  2.20374577]]";
inline constexpr const char* update_b1 = "[[-0.04659241]\n [-1.28888275]\n [ 0.53405496]]";
inline constexpr const char* update_W2 = "[[-0.55569196  0.0354055   1.32964895]]";
inline constexpr const char* update_b2 = "[[-0.84610769]]";

// ---- the Application notebook (L_layer_model, layers_dims = [12288, 20, 7, 5, 1], 2500 iterations) ----------
// "Cost after iteration %i: %f" at iterations 0, 100, ..., 2400
inline constexpr const char* app_L_layer_costs[] = {
    "0.771749", "0.672053", "0.648263", "0.611507", "0.567047", "0.540138", "0.527930", "0.465477", "0.369126",
    "0.391747", "0.315187", "0.272700", "0.237419", "0.199601", "0.189263", "0.161189", "0.148214", "0.137775",
    "0.129740", "0.121225", "0.113821", "0.107839", "0.102855", "0.100897", "0.092878"};
// predict()'s "Accuracy: " lines: str() of numpy's sum, 206/209 and 40/50 (the old notebooks print Python 2's
// 0.985645933014)
inline constexpr const char* app_L_layer_train_accuracy = "0.9856459330143539";
inline constexpr const char* app_L_layer_test_accuracy = "0.8";
// The test pictures the trained network gets wrong (print_mislabeled_images)
inline constexpr int app_L_layer_mislabeled[] = {5, 11, 13, 19, 28, 29, 34, 38, 44, 45};

}  // namespace dnn::notebook::expected
