//===- LineDirectives.cpp -------------------------------------------------===//
#include "support/LineDirectives.h"

#include "llvm/ADT/SmallVector.h"

namespace awaitc {

static constexpr char MarkBegin = '\x01';
static constexpr char MarkEnd = '\x02';
static constexpr char HintBegin = '\x03';
static constexpr char PadHintBegin = '\x04';

std::string lineMark(unsigned Line) {
  return std::string(1, MarkBegin) + std::to_string(Line) + MarkEnd;
}

static std::string quotedPath(llvm::StringRef Path) {
  std::string Out = "\"";
  for (char C : Path) {
    if (C == '\\' || C == '"')
      Out += '\\';
    Out += C;
  }
  return Out + "\"";
}

/// A mark or hint at the start of \p Text, spelled as lineMark(),
/// placementMark() and columnHint() spell them: the begin byte, a line, an
/// optional `:column`, the end byte. The user's own text may hold these
/// bytes; anything else is not a mark, and Length is 0.
struct ParsedMark {
  size_t Length = 0;
  unsigned Line = 0;
  unsigned Column = 0;
};

static ParsedMark parseMark(llvm::StringRef Text, char Begin) {
  if (Text.empty() || Text.front() != Begin)
    return {};
  size_t End = Text.find_first_of(llvm::StringRef("\n\x02", 2), 1);
  if (End == llvm::StringRef::npos || Text[End] != MarkEnd)
    return {};
  llvm::StringRef Body = Text.slice(1, End);
  auto [LineText, ColumnText] = Body.split(':');
  ParsedMark M;
  if (LineText.getAsInteger(10, M.Line) ||
      (Body.contains(':') && ColumnText.getAsInteger(10, M.Column)))
    return {};
  M.Length = End + 1;
  return M;
}

std::string placementMark(unsigned Line, unsigned Column) {
  return std::string(1, MarkBegin) + std::to_string(Line) + ":" +
         std::to_string(Column) + MarkEnd;
}

std::string columnHint(unsigned Line, unsigned Column, bool MayBreak) {
  return std::string(1, MayBreak ? HintBegin : PadHintBegin) +
         std::to_string(Line) + ":" + std::to_string(Column) + MarkEnd;
}

/// A column hint at the start of \p Text, of either kind.
static ParsedMark parseHint(llvm::StringRef Text, bool &MayBreak) {
  MayBreak = !Text.empty() && Text.front() == HintBegin;
  return parseMark(Text, MayBreak ? HintBegin : PadHintBegin);
}

std::string withoutColumnHints(llvm::StringRef Text) {
  std::string Out;
  bool MayBreak;
  for (size_t P = 0; P < Text.size(); ++P) {
    if (size_t Length = parseHint(Text.substr(P), MayBreak).Length)
      P += Length - 1;
    else
      Out += Text[P];
  }
  return Out;
}

unsigned countLineMarks(llvm::StringRef Text) {
  unsigned Count = 0;
  for (size_t P = Text.find(MarkBegin); P != llvm::StringRef::npos;
       P = Text.find(MarkBegin, P + 1))
    Count += parseMark(Text.substr(P), MarkBegin).Length != 0;
  return Count;
}

bool startsWithLineMark(llvm::StringRef Text, unsigned Line) {
  std::string Prefix = std::string(1, MarkBegin) + std::to_string(Line);
  return Text.starts_with(Prefix) && Text.size() > Prefix.size() &&
         (Text[Prefix.size()] == MarkEnd || Text[Prefix.size()] == ':');
}

/// Whether the text up to the end of its statement or line is only closing
/// brackets and white space, on which no diagnostic lands: breaking the
/// line before it would only make the output harder to read.
static bool restIsClosing(llvm::StringRef Text) {
  for (char C : Text) {
    if (C == '\n' || C == ';' || C == MarkBegin || C == HintBegin ||
        C == PadHintBegin)
      return true;
    if (!llvm::StringRef(" \t\r)]}").contains(C))
      return false;
  }
  return true;
}

namespace {

/// Turns marked text into output lines with #line directives: one pass over
/// the text, assembling an output line at a time.
class LineMarkResolver {
public:
  LineMarkResolver(llvm::StringRef Text, const LineDirectiveOptions &Options)
      : Text(Text), Options(Options) {
    Out.reserve(Text.size() + Text.size() / 8);
  }

  std::string run() {
    startLine();
    for (size_t P = 0; P < Text.size(); ++P) {
      char C = Text[P];
      if (C == '\n') {
        finishLine();
        newLine();
        if (!Generated)
          ++SourceLine;
        startLine();
        continue;
      }
      bool MayBreak;
      if (ParsedMark Hint = parseHint(Text.substr(P), MayBreak); Hint.Length) {
        P += Hint.Length - 1;
        applyHint(Hint, MayBreak, P + 1);
        continue;
      }
      ParsedMark Mark = parseMark(Text.substr(P), MarkBegin);
      if (!Mark.Length) {
        if (C != ' ' && C != '\t' && C != '\r')
          SeenContent = true;
        Clean += C;
        continue;
      }
      P += Mark.Length - 1;
      applyMark(Mark);
    }
    finishLine();
    return std::move(Out);
  }

private:
  void startLine() {
    Clean.clear();
    LineGenerated = Generated;
    LineSource = SourceLine;
    SeenContent = false;
  }

  /// Writes the line being assembled, after a #line if the compiler's idea
  /// of where it comes from is wrong.
  void finishLine() {
    if (Options.Emit && SeenContent && !inSync()) {
      if (LineGenerated) {
        Out += "#line " + std::to_string(PhysicalLine + 1) + " " +
               quotedPath(Options.OutputFile) + "\n";
        ExpectedLine = PhysicalLine + 1;
      } else {
        Out += "#line " + std::to_string(LineSource) + " " +
               quotedPath(Options.SourceFile) + "\n";
        ExpectedLine = LineSource;
      }
      ExpectGenerated = LineGenerated;
      ++PhysicalLine;
    }
    Out += Clean;
  }

  bool inSync() const {
    return LineGenerated ? ExpectGenerated && ExpectedLine == PhysicalLine
                         : !ExpectGenerated && ExpectedLine == LineSource;
  }

  void newLine() {
    Out += '\n';
    ++PhysicalLine;
    ++ExpectedLine;
  }

  /// Ends the line being assembled before text that must start a line.
  void breakLine() {
    while (!Clean.empty() && (Clean.back() == ' ' || Clean.back() == '\t'))
      Clean.pop_back();
    finishLine();
    newLine();
    startLine();
  }

  /// A column hint before the text at \p Rest.
  void applyHint(const ParsedMark &Hint, bool MayBreak, size_t Rest) {
    if (!SeenContent || LineGenerated || LineSource != Hint.Line)
      return;
    // Text copied after generated text on the user's line: padded back to
    // its column where that is further right; where it is further left, it
    // goes on on a line of its own, so that a diagnostic's caret still
    // lands on the character the user wrote.
    if (Clean.size() + 1 < Hint.Column) {
      Clean.append(Hint.Column - 1 - Clean.size(), ' ');
    } else if (Options.Emit && MayBreak && Clean.size() + 1 > Hint.Column &&
               !restIsClosing(Text.substr(Rest))) {
      breakLine();
      LineGenerated = false;
      LineSource = Hint.Line;
      SeenContent = true;
      Clean.assign(Hint.Column - 1, ' ');
    }
  }

  /// A line mark: the text after it comes from line \p Mark.Line (0:
  /// generated), at its column if it has one.
  void applyMark(const ParsedMark &Mark) {
    unsigned N = Mark.Line, Column = Mark.Column;
    Generated = N == 0;
    SourceLine = N;
    if (!SeenContent) {
      LineGenerated = Generated;
      LineSource = SourceLine;
    } else if (Column && (LineGenerated || LineSource != N)) {
      // User text must not share a line mapped elsewhere: it starts a line
      // of its own.
      breakLine();
    }
    // Copied text keeps the column it was written at, so a diagnostic's
    // caret lands on the same character: at the start of a line the
    // indentation is the user's, further on the text is padded to it.
    if (Column && !SeenContent)
      Clean.assign(Column - 1, ' ');
    else if (Column && Clean.size() < Column - 1)
      Clean.append(Column - 1 - Clean.size(), ' ');
  }

  llvm::StringRef Text;
  const LineDirectiveOptions &Options;
  std::string Out;
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
  // The output line being assembled, and its mapping: the mark in effect
  // where its first non-blank character stands.
  std::string Clean;
  bool LineGenerated = false;
  unsigned LineSource = 1;
  bool SeenContent = false;
};

} // namespace

std::string resolveLineMarks(llvm::StringRef Text,
                             const LineDirectiveOptions &Options) {
  // Text without marks (a file that annotates nothing) comes out as it is:
  // hints are only made together with marks.
  if (!countLineMarks(Text))
    return Text.str();
  return LineMarkResolver(Text, Options).run();
}

} // namespace awaitc
