//===- SourceText.h - Offsets and text of the file being transformed ------===//
//
// awaitc edits text: every byte outside annotated functions is copied, and
// code inside them is re-assembled from the user's own spelling. This class
// maps AST nodes to byte ranges of the main file and back.
//
//===----------------------------------------------------------------------===//
#ifndef AWAITC_TOOL_SOURCETEXT_H
#define AWAITC_TOOL_SOURCETEXT_H

#include "clang/AST/Expr.h"
#include "clang/Basic/LangOptions.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/STLFunctionalExtras.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringRef.h"

#include <optional>
#include <string>
#include <vector>

namespace awaitc {

/// A half-open byte range [Begin, End) of the main file.
struct ByteRange {
  unsigned Begin = 0;
  unsigned End = 0;
  bool contains(const ByteRange &Other) const {
    return Begin <= Other.Begin && Other.End <= End;
  }
  bool overlaps(const ByteRange &Other) const {
    return Begin < Other.End && Other.Begin < End;
  }
};

/// A replacement of part of the user's text.
struct Edit {
  ByteRange Range;
  std::string Text;
};

/// Text of the main file that a macro does not use as plain tokens: an
/// argument of a function-like macro that the macro stringizes (`#x`),
/// pastes (`x ## y`), or uses other than exactly once. Editing such text
/// changes more than the one expression awaitc means to rewrite (a string,
/// a pasted name, another copy of the argument).
struct OpaqueMacroArgument {
  ByteRange Text;       // the argument's tokens as written
  ByteRange Invocation; // the whole macro invocation, `NAME(...)`
  std::string Macro;
};

/// What the preprocessor did with the main file's text that matters to
/// rewriting it.
struct MacroUses {
  std::vector<OpaqueMacroArgument> Opaque;
  /// Every invocation of a function-like macro, `NAME(...)`: its arguments
  /// may not be split by a preprocessing directive.
  std::vector<ByteRange> Invocations;
};

class SourceText {
public:
  SourceText(const clang::SourceManager &SM, const clang::LangOptions &LO);

  /// The bytes a node's tokens occupy in the main file, or nothing when they
  /// are not a contiguous part of it (inside a macro, another file...).
  std::optional<ByteRange> range(clang::SourceRange R) const;
  std::optional<ByteRange> range(clang::CharSourceRange R) const;
  std::optional<ByteRange> range(const clang::Stmt *S) const {
    return range(S->getSourceRange());
  }
  /// The `AWAIT(...)` / `YIELD(...)` invocation that produced \p Marker.
  /// Fails when the marker is spelled inside another macro's arguments.
  std::optional<ByteRange> markerRange(const clang::CallExpr *Marker) const;
  /// The name of the outermost macro that \p Loc was expanded from.
  llvm::StringRef outermostMacroName(clang::SourceLocation Loc) const;

  llvm::StringRef text(ByteRange R) const {
    return Buffer.substr(R.Begin, R.End - R.Begin);
  }
  llvm::StringRef buffer() const { return Buffer; }
  unsigned offset(clang::SourceLocation Loc) const;
  unsigned line(unsigned Offset) const;
  /// 1-based, in bytes, as the compiler counts columns.
  unsigned column(unsigned Offset) const;
  clang::SourceLocation location(unsigned Offset) const;
  llvm::StringRef fileName() const { return FileName; }

  /// How often each identifier is spelled in \p R (raw tokens: what the
  /// user wrote, before macro expansion).
  void countIdentifiers(ByteRange R, llvm::StringMap<unsigned> &Out) const;

  const clang::SourceManager &sourceManager() const { return SM; }
  const clang::LangOptions &langOptions() const { return LO; }

  void setMacroUses(MacroUses Uses) { Macros = std::move(Uses); }
  /// The macro whose opaque argument an edit of \p R would change (R lies
  /// partly in the argument and does not replace the whole invocation).
  std::optional<llvm::StringRef> opaqueMacroAt(ByteRange R) const;
  /// Whether \p Offset lies inside a function-like macro's invocation.
  bool insideMacroInvocation(unsigned Offset) const;

  /// Why \p Edits, sorted by position, cannot be applied to \p Outer: two
  /// overlap, one leaves \p Outer, or one changes an argument that a macro
  /// stringizes, pastes or repeats (the macro would expand the edited text).
  struct EditProblem {
    unsigned Offset;
    std::string Message;
  };
  std::optional<EditProblem> editProblem(ByteRange Outer,
                                         llvm::ArrayRef<Edit> Edits) const;

  /// The text of \p Outer with \p Edits applied; they are sorted by
  /// position, within \p Outer, and do not overlap. \p Copy gives the text
  /// of each nonempty piece of the user's text between them (by default,
  /// the text itself), \p After what follows each edit's text.
  std::string
  splice(ByteRange Outer, llvm::ArrayRef<Edit> Edits,
         llvm::function_ref<std::string(ByteRange)> Copy = nullptr,
         llvm::function_ref<std::string(const Edit &)> After = nullptr) const;

private:
  MacroUses Macros;
  const clang::SourceManager &SM;
  const clang::LangOptions &LO;
  clang::FileID MainFile;
  llvm::StringRef Buffer;
  std::string FileName;
};

} // namespace awaitc

#endif
