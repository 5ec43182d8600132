#!/usr/bin/env bash
# Makes sure doctest's header can be included (with $CXX and $CXXFLAGS, the Makefile's EXTRA_CXXFLAGS). As root
# on Debian/Ubuntu it installs doctest-dev; otherwise it says exactly what to install, for Debian/Ubuntu and for
# macOS (Homebrew: the Makefile finds `brew --prefix doctest` by itself).
set -u
CXX=${CXX:-g++}
have_doctest() { echo '#include <doctest/doctest.h>' | "$CXX" -std=c++20 ${CXXFLAGS:-} -x c++ -E - >/dev/null 2>&1; }
have_doctest && exit 0
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "doctest is missing: installing Debian's doctest-dev (apt-get update; apt-get install -y doctest-dev)"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq && apt-get install -y -qq doctest-dev >/dev/null || true
    have_doctest && exit 0
fi
echo "error: the doctest header <doctest/doctest.h> was not found." >&2
echo "       On Debian/Ubuntu run:  sudo apt-get install doctest-dev" >&2
echo "       On macOS run:          brew install doctest   (make test then finds it by itself)" >&2
echo "       (or put doctest.h in a folder 'doctest/' and pass EXTRA_CXXFLAGS=-I<that folder's parent>)" >&2
exit 1
