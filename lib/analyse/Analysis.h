//===- Analysis.h - Stage 2: suspension points, live-across locals, names -===//
//
// For one annotated function: which statements contain a suspension point
// (and so must be lowered rather than copied), which locals are in scope
// across a suspension point (and so move into the frame: "hoisted"), the
// names generated code may use without changing what any of the user's
// names refers to, and where control goes between suspensions.
//
//===----------------------------------------------------------------------===//
#ifndef AWAITC_TOOL_ANALYSIS_H
#define AWAITC_TOOL_ANALYSIS_H

#include "analyse/Transitions.h"
#include "find/Finder.h"
#include "support/SourceText.h"

#include "clang/AST/ParentMap.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringSet.h"

#include <memory>
#include <string>
#include <vector>

namespace awaitc {

/// Hands out identifiers that no token of the function spells, so that
/// generated members, labels and guards can never capture a user's name.
class NameAllocator {
public:
  /// Marks \p Name as used (by the user or by an earlier allocation).
  void reserve(llvm::StringRef Name) { Taken.insert(Name); }
  bool isTaken(llvm::StringRef Name) const { return Taken.contains(Name); }
  /// \p Base itself if free, else Base_2, Base_3...
  std::string fresh(llvm::StringRef Base);

private:
  llvm::StringSet<> Taken;
};

struct LambdaUses;

/// What the user calls \p F: its name, or for an annotated lambda the
/// variable it initializes ("lambda" if none).
std::string functionNameOf(const AnnotatedFunction &F);
/// The name of the variable \p L initializes, through parentheses and
/// conversions; "lambda" if none.
std::string lambdaName(const clang::LambdaExpr &L, clang::ASTContext &Ctx);

class BodyAnalysis {
public:
  BodyAnalysis(const AnnotatedFunction &Fn, const SourceText &Source);
  ~BodyAnalysis();

  const AnnotatedFunction &function() const { return Fn; }
  /// What the user calls the function: its name, or for an annotated
  /// lambda the variable it initializes ("lambda" if none).
  const std::string &functionName() const { return FunctionName; }
  /// functionName() as a C++ identifier, for the names of generated
  /// classes: an operator's is `operator_call`, `operator_plus`...
  std::string identifierName() const;
  const clang::Stmt *body() const { return Fn.Function->getBody(); }

  /// Whether \p S contains a marker (a suspension point).
  bool suspends(const clang::Stmt *S) const {
    return S && Suspending.contains(S);
  }
  /// Markers within \p S, in source order.
  unsigned countMarkers(const clang::Stmt *S) const;

  /// Whether local \p VD is in scope at some suspension point after its
  /// declaration, so that it must live in the frame.
  bool isHoisted(const clang::VarDecl *VD) const {
    return Hoisted.contains(VD);
  }
  /// The frame member that holds hoisted local \p VD.
  llvm::StringRef memberName(const clang::VarDecl *VD) const {
    return MemberNames.find(VD)->second;
  }

  const clang::Stmt *parent(const clang::Stmt *S) const {
    return Parents->getParent(S);
  }
  /// Whether \p Inner is \p Outer or inside it.
  bool isWithin(const clang::Stmt *Inner, const clang::Stmt *Outer) const {
    for (const clang::Stmt *S = Inner; S; S = parent(S))
      if (S == Outer)
        return true;
    return false;
  }
  /// The value \p R returns as the user wrote it: `return v;` in a Coro<T>
  /// body type-checks through Coro's converting constructor, whose argument
  /// is the user's expression (a construction from a braced list is the
  /// list's). Null for `return;`.
  const clang::Expr *userReturnValue(const clang::ReturnStmt *R) const;

  const std::vector<const clang::CallExpr *> &markers() const {
    return Markers;
  }

  NameAllocator &names() { return Names; }

  /// Where the body goes from its start and from each suspension point.
  const SuspensionGraph &transitions() const { return Transitions; }

  /// The lambdas that must move out of step() into factories, with what
  /// each uses (LambdaUses.h).
  const std::vector<LambdaUses> &movedLambdas() const { return Moved; }

private:
  void findMarkers(std::vector<const clang::CallExpr *> Found);
  void findHoisted(
      const std::vector<std::pair<const clang::VarDecl *, const clang::Stmt *>>
          &Locals);
  void assignNames(const std::vector<const clang::DeclRefExpr *> &References);

  const AnnotatedFunction &Fn;
  const SourceText &Source;
  std::unique_ptr<clang::ParentMap> Parents;
  std::vector<const clang::CallExpr *> Markers;
  std::vector<unsigned> MarkerOffsets;
  llvm::DenseSet<const clang::Stmt *> Suspending;
  llvm::DenseSet<const clang::VarDecl *> Hoisted;
  std::vector<const clang::VarDecl *> HoistedInOrder;
  llvm::DenseMap<const clang::VarDecl *, std::string> MemberNames;
  NameAllocator Names;
  SuspensionGraph Transitions;
  std::string FunctionName;
  std::vector<LambdaUses> Moved;
};

} // namespace awaitc

#endif
