//===- StepWriter.h - Builds the tree of step()'s body --------------------===//
//
// The blocks of step() under construction, the innermost last, and what is
// appended to the innermost: the user's code placed at its line and
// column, glue code that belongs to the statement just written, generated
// code, and suspensions. Closing a block hands on its StepBlock (see
// StepBody.h) to be placed in the code of the block around it. Private to
// lower/.
//
//===----------------------------------------------------------------------===//
#ifndef AWAITC_TOOL_STEPWRITER_H
#define AWAITC_TOOL_STEPWRITER_H

#include "lower/StepBody.h"

#include "clang/Basic/SourceLocation.h"

#include <string>
#include <vector>

namespace awaitc {

class NameAllocator;
class SourceText;

class StepWriter {
public:
  StepWriter(const SourceText &Src, NameAllocator &Names)
      : Src(Src), Names(Names) {}

  /// Opens a block inside the innermost one (the first: the body itself).
  /// \p GuardsGoToParent: a switch body, where case labels may not jump
  /// past guard declarations, so its guards live in the enclosing block.
  void open(bool GuardsGoToParent = false);
  /// Ends the innermost block. With \p OutsideEntry, the label that
  /// re-enters it is handed back to be placed before the statement that
  /// owns the block (a try block cannot be entered by a jump).
  StepBlock close(std::string *OutsideEntry = nullptr);
  /// Gives the innermost block that may declare guards the guard of
  /// \p Slot.
  void guard(unsigned Slot);
  /// The innermost block's first statement is a case label.
  void startsWithCase() { Blocks.back().Node.StartsWithCase = true; }

  /// Appends the user's code \p Code, at \p Loc's line and column.
  void emit(clang::SourceLocation Loc, const StepCode &Code);
  /// Appends glue code that belongs to the statement last emitted: it maps
  /// to that statement's line, so stepping in a debugger stays on it.
  void glue(const std::string &Code);
  /// Glue code maps to \p Loc's line from now on.
  void glueTo(clang::SourceLocation Loc);
  /// Appends code of awaitc's own, which maps to the generated file.
  void generated(const StepCode &Code);
  /// Appends the suspension in \p State (see Suspension).
  void suspend(int State, const std::string &Condition,
               clang::SourceLocation Loc);

  /// A mark that places the text after it at \p Loc's line and column.
  std::string placementAt(clang::SourceLocation Loc) const;

private:
  struct Block {
    StepBlock Node;
    /// The state of the first suspension inside (0: none yet), which names
    /// the block's entry label.
    int FirstState = 0;
    bool GuardsGoToParent = false;
  };
  std::string indent() const { return std::string(2 + 2 * Blocks.size(), ' '); }
  /// The text last appended, if it ends a line of GlueLine's statement
  /// that glue may join.
  std::string *lineOfGlue();

  const SourceText &Src;
  NameAllocator &Names;
  std::vector<Block> Blocks;
  /// The line of the last statement emitted from the user's code.
  unsigned GlueLine = 0;
};

} // namespace awaitc

#endif
