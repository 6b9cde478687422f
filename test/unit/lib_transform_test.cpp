// Unit tests of the transform library's pieces that need no file system:
// #line resolution, fresh names, and the whole pipeline on in-memory code.
// (The stages have their own: lib_analysis_test.cpp, lib_lowering_test.cpp.)
#include "lib_parsed.h"

#include "Transform.h"
#include "support/LineDirectives.h"

#include <gtest/gtest.h>

namespace {

using awaitc::LineDirectiveOptions;
using awaitc::test::args;
using awaitc::lineMark;
using awaitc::resolveLineMarks;

LineDirectiveOptions options(bool Emit = true) {
  LineDirectiveOptions O;
  O.Emit = Emit;
  O.SourceFile = "in.cpp";
  O.OutputFile = "out.cpp";
  return O;
}

TEST(LineDirectives, TextWithoutMarksIsUnchanged) {
  std::string Text = "int a;\n\n  int b; // \x03 odd byte\nno newline";
  EXPECT_EQ(resolveLineMarks(Text, options()), Text);
}

// The mark bytes may be the user's, in a comment or a literal: only a mark
// as lineMark() spells it is one (a lone \x01 used to hang the tool).
TEST(LineDirectives, UsersMarkBytesAreText) {
  std::string Plain = "int a; // \x01 no end\nint b; // \x01x\x02 \x01\x02\n";
  EXPECT_EQ(resolveLineMarks(Plain, options()), Plain);
  std::string Marked = "/* \x01 */\n" + lineMark(0) + "g; // \x01\n";
  EXPECT_EQ(
      resolveLineMarks(Marked, options()),
      "#line 1 \"in.cpp\"\n/* \x01 */\n#line 4 \"out.cpp\"\ng; // \x01\n");
}

// The compiler starts in the output file, so copied text before the first
// mark is mapped to the user's file too (the first #line counts as a line
// of the output).
TEST(LineDirectives, GeneratedCodeIsBlamedOnTheOutputFile) {
  std::string Text = "a\n" + lineMark(0) + "gen\n" + lineMark(3) + "c\n";
  EXPECT_EQ(resolveLineMarks(Text, options()),
            "#line 1 \"in.cpp\"\na\n#line 4 \"out.cpp\"\ngen\n"
            "#line 3 \"in.cpp\"\nc\n");
}

TEST(LineDirectives, NoDirectiveWhileTheCompilerIsInSync) {
  std::string Text = lineMark(1) + "a\n" + lineMark(2) + "b\n";
  EXPECT_EQ(resolveLineMarks(Text, options()), "#line 1 \"in.cpp\"\na\nb\n");
}

TEST(LineDirectives, TwoOutputLinesOfOneSourceLine) {
  std::string Text = lineMark(5) + "x\n" + lineMark(5) + "y\n";
  EXPECT_EQ(resolveLineMarks(Text, options()),
            "#line 5 \"in.cpp\"\nx\n#line 5 \"in.cpp\"\ny\n");
}

TEST(LineDirectives, DisabledOnlyRemovesTheMarks) {
  std::string Text = lineMark(7) + "x\n" + lineMark(0) + "y\n";
  EXPECT_EQ(resolveLineMarks(Text, options(/*Emit=*/false)), "x\ny\n");
}

TEST(LineDirectives, QuotesFileNames) {
  LineDirectiveOptions O = options();
  O.SourceFile = "dir \"q\"\\in.cpp";
  EXPECT_EQ(resolveLineMarks(lineMark(9) + "x\n", O),
            "#line 9 \"dir \\\"q\\\"\\\\in.cpp\"\nx\n");
}

TEST(NameAllocator, NeverHandsOutATakenName) {
  awaitc::NameAllocator Names;
  Names.reserve("await_1");
  Names.reserve("await_1_2");
  EXPECT_EQ(Names.fresh("await_1"), "await_1_3");
  EXPECT_EQ(Names.fresh("x"), "x");
  EXPECT_EQ(Names.fresh("x"), "x_2");
  EXPECT_TRUE(Names.isTaken("x_2"));
}

TEST(Transform, FileWithoutAnnotationIsByteIdentical) {
  std::string Code = "#include <vector>\nint f(std::vector<int> v) {\n"
                     "  return v.empty() ? 0 : v[0]; }\n";
  std::string Out;
  ASSERT_TRUE(awaitc::transformCode(Code, "plain.cpp", args(), {}, Out));
  EXPECT_EQ(Out, Code);
}

TEST(Transform, AnnotatedFunctionBecomesAFrameClass) {
  std::string Code = "#include <awaitc/awaitc.h>\n"
                     "AWAITC_ASYNC awaitc::Coro<int> f(int x) {\n"
                     "  AWAIT(awaitc::sleep(0));\n"
                     "  return x;\n}\n";
  awaitc::TransformOptions Options;
  Options.LineDirectives = false;
  std::string Out;
  ASSERT_TRUE(awaitc::transformCode(Code, "coro.cpp", args(), Options, Out));
  EXPECT_NE(Out.find("class f_frame final : public "
                     "awaitc::detail::CoroFrame<int>"),
            std::string::npos)
      << Out;
  EXPECT_NE(Out.find("if (this->awaitc_suspend_at(1, await_1)) return;"),
            std::string::npos)
      << Out;
  EXPECT_EQ(Out.find("AWAITC_ASYNC"), std::string::npos) << Out;
  EXPECT_EQ(Out.find("#line"), std::string::npos) << Out;
}

TEST(Transform, MisplacedMarkerProducesNoOutput) {
  std::string Code = "#include <awaitc/awaitc.h>\n"
                     "void g() { AWAIT(awaitc::sleep(0)); }\n";
  std::string Out;
  EXPECT_FALSE(awaitc::transformCode(Code, "bad.cpp", args(), {}, Out));
  EXPECT_TRUE(Out.empty());
}

} // namespace
