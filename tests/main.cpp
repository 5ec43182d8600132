// tests/main.cpp - doctest's main(), with a true count of what ran and what was skipped.
//
// After doctest's own report it prints one line, "tests: P passed, F failed, K skipped", where K counts the
// test cases skipped for lack of something they need (tests/needs.hpp), each listed with its reason. Test cases
// left out by a filter (-tc=..., make test TEST_ARGS=...) are "not selected", not skipped. Under CI (CI=true)
// any skipped test case fails the run.
#define DOCTEST_CONFIG_IMPLEMENT
#include <doctest/doctest.h>

#include <cstdlib>
#include <iostream>
#include <set>
#include <sstream>
#include <string>

#include "tests/needs.hpp"

namespace {

// Collects the names of the test cases a run lists (--list-test-cases), and doctest's counts of a real run.
struct Tally : doctest::IReporter {
    static inline std::set<std::string> listed;
    static inline int run = 0, failed = 0;  // test cases run (selected and not skipped), and failed among them

    explicit Tally(const doctest::ContextOptions&) {}
    void report_query(const doctest::QueryData& q) override {
        for (unsigned k = 0; k < q.num_data; ++k) listed.insert(q.data[k]->m_name);
    }
    void test_run_end(const doctest::TestRunStats& s) override {
        run = static_cast<int>(s.numTestCasesPassingFilters);
        failed = static_cast<int>(s.numTestCasesFailed);
    }
    void test_case_end(const doctest::CurrentTestCaseStats&) override {}
    void test_run_start() override {}
    void test_case_start(const doctest::TestCaseData&) override {}
    void test_case_reenter(const doctest::TestCaseData&) override {}
    void test_case_exception(const doctest::TestCaseException&) override {}
    void subcase_start(const doctest::SubcaseSignature&) override {}
    void subcase_end() override {}
    void log_assert(const doctest::AssertData&) override {}
    void log_message(const doctest::MessageData&) override {}
    void test_case_skipped(const doctest::TestCaseData&) override {}
};

bool under_ci() {
    const char* ci = std::getenv("CI");
    return ci && std::string(ci) == "true";
}

}  // namespace

REGISTER_LISTENER("tally", 1, Tally);

int main(int argc, char** argv) {
    // Which test cases the filters select, skipped ones included: doctest's own filter logic, run as a query.
    {
        std::ostringstream quiet;
        doctest::Context selection(argc, argv);
        const char* const list_all[] = {"-list-test-cases", "-no-skip"};
        selection.applyCommandLine(2, list_all);
        selection.setCout(&quiet);
        selection.run();
    }
    const std::set<std::string> selected = Tally::listed;

    doctest::Context context(argc, argv);
    int rc = context.run();
    if (context.shouldExit()) return rc;

    std::ostringstream reasons;
    int skipped = 0;
    for (const needs::Skipped& s : needs::skipped_cases()) {
        if (!selected.count(s.name)) continue;
        ++skipped;
        reasons << "  SKIPPED: " << s.name << "\n           " << s.reason << "\n";
    }
    const int not_selected = static_cast<int>(doctest::detail::getRegisteredTests().size() - selected.size());


    if (skipped) std::cout << "\nSkipped test cases (this machine lacks what they need):\n" << reasons.str();
    std::cout << "tests: " << Tally::run - Tally::failed << " passed, " << Tally::failed << " failed, " << skipped
              << " skipped";
    if (not_selected) std::cout << " (" << not_selected << " not selected by the filter)";
    std::cout << "\n";
    if (skipped && under_ci()) {
        std::cout << "CI: " << skipped << " test case(s) skipped; under CI nothing may skip (install what they need)\n";
        rc = rc ? rc : 1;
    }
    return rc;
}
