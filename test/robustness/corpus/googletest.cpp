// googletest.cpp - GoogleTest and GoogleMock's macro-heavy headers in use:
// tests, a parameterised suite and a mock method.
//
// Unannotated: passed through byte-identical. The sweep runs it only when
// the compiler finds <gtest/gtest.h>; GoogleMock is used when installed.
#include <gtest/gtest.h>
#if __has_include(<gmock/gmock.h>)
#include <gmock/gmock.h>
#define HAVE_GMOCK 1
#endif

struct Shape {
  virtual ~Shape() = default;
  virtual int area(int) const = 0;
};

#ifdef HAVE_GMOCK
struct MockShape : Shape {
  MOCK_METHOD(int, area, (int), (const, override));
};
#endif

TEST(Suite, Case) {
  EXPECT_EQ(1, 1);
  ASSERT_TRUE(true);
}

class Fix : public ::testing::TestWithParam<int> {};
TEST_P(Fix, P) { EXPECT_GE(GetParam(), 0); }
INSTANTIATE_TEST_SUITE_P(All, Fix, ::testing::Values(1, 2));
