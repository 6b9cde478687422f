//===- StepWriter.cpp -----------------------------------------------------===//
#include "lower/StepWriter.h"

#include "analyse/Analysis.h"
#include "support/LineDirectives.h"
#include "support/SourceText.h"

namespace awaitc {

void StepWriter::open(bool GuardsGoToParent) {
  Blocks.emplace_back();
  Blocks.back().GuardsGoToParent = GuardsGoToParent;
}

StepBlock StepWriter::close(std::string *OutsideEntry) {
  Block B = std::move(Blocks.back());
  Blocks.pop_back();
  if (!Blocks.empty() && B.FirstState) {
    B.Node.EntryLabel = Names.fresh("enter_" + std::to_string(B.FirstState));
    if (OutsideEntry) {
      *OutsideEntry = B.Node.EntryLabel;
      B.Node.EntryOutside = true;
    }
    if (!Blocks.back().FirstState)
      Blocks.back().FirstState = B.FirstState;
  }
  return std::move(B.Node);
}

void StepWriter::guard(unsigned Slot) {
  for (auto It = Blocks.rbegin(); It != Blocks.rend(); ++It)
    if (!It->GuardsGoToParent) {
      It->Node.Guarded.push_back(Slot);
      return;
    }
}

void StepWriter::suspend(int State, const std::string &Condition,
                         clang::SourceLocation Loc) {
  unsigned Offset = Src.offset(Loc);
  GlueLine = Src.line(Offset);
  Suspension Point;
  Point.State = State;
  Point.Condition = Condition;
  Point.ResumeLabel = Names.fresh("resume_" + std::to_string(State));
  Point.Line = Src.line(Offset);
  Point.Column = Src.column(Offset);
  Blocks.back().Node.Body += std::move(Point);
  if (!Blocks.back().FirstState)
    Blocks.back().FirstState = State;
}

std::string *StepWriter::lineOfGlue() {
  StepCode &Body = Blocks.back().Node.Body;
  std::string *Text = Body.trailingText();
  if (!Text || Text->empty() || Text->back() != '\n')
    return nullptr;
  // The last line, unless a block began it (it then begins with generated
  // code); after a suspension, lines begin anew.
  const std::vector<StepPiece> &Pieces = Body.pieces();
  size_t LastLine = Text->rfind('\n', Text->size() >= 2 ? Text->size() - 2 : 0);
  llvm::StringRef Line;
  if (LastLine != std::string::npos)
    Line = llvm::StringRef(*Text).substr(LastLine + 1);
  else if (Pieces.size() == 1 ||
           std::holds_alternative<Suspension>(Pieces[Pieces.size() - 2]))
    Line = *Text;
  if (startsWithLineMark(Line, GlueLine) && countLineMarks(Line) == 1)
    return Text;
  return nullptr;
}

void StepWriter::glue(const std::string &Code) {
  if (Code.empty())
    return;
  if (GlueLine == 0)
    return generated(Code);
  // On the line of the statement it belongs to, when that line is the last
  // one emitted: one #line fewer, and it reads as part of the statement.
  if (std::string *Text = lineOfGlue()) {
    Text->insert(Text->size() - 1, " " + Code);
    return;
  }
  Blocks.back().Node.Body += lineMark(GlueLine) + indent() + Code + "\n";
}

void StepWriter::glueTo(clang::SourceLocation Loc) {
  GlueLine = Src.line(Src.offset(Loc));
}

void StepWriter::emit(clang::SourceLocation Loc, const StepCode &Code) {
  if (Code.empty())
    return;
  glueTo(Loc);
  Blocks.back().Node.Body += placementAt(Loc) + Code + "\n";
}

void StepWriter::generated(const StepCode &Code) {
  if (Code.empty())
    return;
  Blocks.back().Node.Body += generatedMark() + indent() + Code + "\n";
}

std::string StepWriter::placementAt(clang::SourceLocation Loc) const {
  unsigned Offset = Src.offset(Loc);
  return placementMark(Src.line(Offset), Src.column(Offset));
}

} // namespace awaitc
