// tests/main.cpp - doctest's main(); every other tests/*.cpp adds test cases.
#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include <doctest/doctest.h>
