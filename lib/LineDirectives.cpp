//===- LineDirectives.cpp -------------------------------------------------===//
#include "awaitc-tool/LineDirectives.h"

#include "llvm/ADT/SmallVector.h"

namespace awaitc {

static constexpr char MarkBegin = '\x01';
static constexpr char MarkEnd = '\x02';

std::string lineMark(unsigned Line) {
  return std::string(1, MarkBegin) + std::to_string(Line) + MarkEnd;
}

static std::string quoted(llvm::StringRef Path) {
  std::string Out = "\"";
  for (char C : Path) {
    if (C == '\\' || C == '"')
      Out += '\\';
    Out += C;
  }
  return Out + "\"";
}

/// The length of the line mark at the start of \p Text, or 0 if there is
/// none there (as lineMark() spells it: the user's text may hold the bytes).
static size_t markLength(llvm::StringRef Text, unsigned &Line) {
  if (Text.empty() || Text.front() != MarkBegin)
    return 0;
  const char Stops[] = {'\n', MarkEnd, '\0'};
  size_t End = Text.find_first_of(Stops, 1);
  if (End == llvm::StringRef::npos || Text[End] != MarkEnd ||
      Text.substr(1, End - 1).getAsInteger(10, Line))
    return 0;
  return End + 1;
}

std::string resolveLineMarks(llvm::StringRef Text,
                             const LineDirectiveOptions &Options) {
  // Text without marks (a file that annotates nothing) comes out as it is.
  bool HasMark = false;
  for (size_t P = Text.find(MarkBegin); P != llvm::StringRef::npos && !HasMark;
       P = Text.find(MarkBegin, P + 1)) {
    unsigned Line;
    HasMark = markLength(Text.substr(P), Line) != 0;
  }
  if (!HasMark)
    return Text.str();
  std::string Out;
  Out.reserve(Text.size() + Text.size() / 8);
  // Where the text being read comes from: a source line (0: generated),
  // advanced at each newline.
  unsigned SourceLine = 1;
  bool Generated = false;
  // What the compiler believes about the next line it reads: at first,
  // that it is line 1 of the output file, so text copied before the first
  // annotated function needs a #line too.
  unsigned ExpectedLine = 1;
  bool ExpectGenerated = true;
  unsigned PhysicalLine = 1; // line number in the output being written

  llvm::SmallVector<llvm::StringRef, 0> Lines;
  Text.split(Lines, '\n');
  for (size_t I = 0; I < Lines.size(); ++I) {
    llvm::StringRef Line = Lines[I];
    std::string Clean;
    // The mapping of this output line: the mark in effect where its first
    // non-blank character stands.
    bool LineGenerated = Generated;
    unsigned LineSource = SourceLine;
    bool SeenContent = false;
    for (size_t P = 0; P < Line.size(); ++P) {
      char C = Line[P];
      unsigned N = 0;
      if (size_t Length = markLength(Line.substr(P), N)) {
        Generated = N == 0;
        SourceLine = N;
        if (!SeenContent) {
          LineGenerated = Generated;
          LineSource = SourceLine;
        }
        P += Length - 1;
        continue;
      }
      if (C != ' ' && C != '\t' && C != '\r')
        SeenContent = true;
      Clean += C;
    }
    bool Last = I + 1 == Lines.size();
    if (Options.Emit && SeenContent) {
      bool InSync = LineGenerated
                        ? ExpectGenerated && ExpectedLine == PhysicalLine
                        : !ExpectGenerated && ExpectedLine == LineSource;
      if (!InSync) {
        if (LineGenerated) {
          Out += "#line " + std::to_string(PhysicalLine + 1) + " " +
                 quoted(Options.OutputFile) + "\n";
          ExpectedLine = PhysicalLine + 1;
        } else {
          Out += "#line " + std::to_string(LineSource) + " " +
                 quoted(Options.SourceFile) + "\n";
          ExpectedLine = LineSource;
        }
        ExpectGenerated = LineGenerated;
        ++PhysicalLine;
      }
    }
    Out += Clean;
    if (!Last) {
      Out += '\n';
      ++PhysicalLine;
      ++ExpectedLine;
      if (!Generated)
        ++SourceLine;
    }
  }
  return Out;
}

} // namespace awaitc
