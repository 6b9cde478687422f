// A translation unit parsed in memory, with the analysis of one annotated
// function of it: what the unit tests of the transform's stages start from.
#ifndef AWAITC_TEST_LIB_PARSED_H
#define AWAITC_TEST_LIB_PARSED_H

#include "analyse/Analysis.h"
#include "find/Finder.h"
#include "support/Diagnostics.h"
#include "support/SourceText.h"

#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/Frontend/ASTUnit.h"
#include "clang/Tooling/Tooling.h"

#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

namespace awaitc::test {

using namespace clang;

/// The compiler arguments every in-memory parse of the tests takes.
inline std::vector<std::string> args() {
  return {"-std=c++17", "-I" AWAITC_TEST_RUNTIME_INCLUDE,
          "-Wno-return-mismatch", "-Wno-return-type",
          "-resource-dir=" AWAITC_CLANG_RESOURCE_DIR};
}

/// Every variable declared in what it traverses.
class Declarations : public RecursiveASTVisitor<Declarations> {
public:
  bool VisitVarDecl(VarDecl *VD) {
    Vars.push_back(VD);
    return true;
  }
  std::vector<const VarDecl *> Vars;
};

/// One translation unit, parsed, with the analysis of one annotated
/// function of it.
class Analysed {
public:
  /// Parses \p Body after the runtime's header and a declaration of
  /// `awaitc::Coro<int> one()`, and analyses the annotated \p Function.
  Analysed(const std::string &Body, llvm::StringRef Function) {
    Unit = tooling::buildASTFromCodeWithArgs(
        "#include <awaitc/awaitc.h>\n#include <string>\n"
        "awaitc::Coro<int> one() noexcept;\n" +
            Body,
        args(), "in.cpp");
    if (!Unit)
      return;
    ASTContext &Ctx = Unit->getASTContext();
    Source = std::make_unique<awaitc::SourceText>(Ctx.getSourceManager(),
                                                  Ctx.getLangOpts());
    Diag = std::make_unique<awaitc::Diagnoser>(Unit->getDiagnostics());
    Found = awaitc::findAnnotatedFunctions(Ctx, *Diag);
    for (const awaitc::AnnotatedFunction &Fn : Found)
      if (Fn.Function->getName() == Function)
        Analysis = std::make_unique<awaitc::BodyAnalysis>(Fn, *Source);
  }

  bool ok() const {
    return Unit && !Unit->getDiagnostics().hasErrorOccurred() && Analysis;
  }
  awaitc::BodyAnalysis &analysis() { return *Analysis; }

  /// The local of the analysed function named \p Name (the first one).
  const VarDecl *local(llvm::StringRef Name) {
    std::vector<const VarDecl *> Found =
        named(const_cast<FunctionDecl *>(Analysis->function().Function), Name);
    if (Found.empty())
      ADD_FAILURE() << "no local named " << Name.str();
    return Found.empty() ? nullptr : Found.front();
  }
  bool hoisted(llvm::StringRef Name) {
    const VarDecl *VD = local(Name);
    return VD && Analysis->isHoisted(VD);
  }

  /// All variables of the translation unit named \p Name, template
  /// instantiations' included.
  std::vector<const VarDecl *> everywhere(llvm::StringRef Name) {
    return named(Unit->getASTContext().getTranslationUnitDecl(), Name);
  }
  ASTContext &context() { return Unit->getASTContext(); }
  const awaitc::SourceText &source() const { return *Source; }
  awaitc::Diagnoser &diagnoser() { return *Diag; }

private:
  /// The variables declared in \p Root named \p Name, in source order.
  static std::vector<const VarDecl *> named(Decl *Root, llvm::StringRef Name) {
    Declarations All;
    All.TraverseDecl(Root);
    std::vector<const VarDecl *> Out;
    for (const VarDecl *VD : All.Vars)
      if (VD->getName() == Name)
        Out.push_back(VD);
    return Out;
  }

  std::unique_ptr<ASTUnit> Unit;
  std::unique_ptr<awaitc::SourceText> Source;
  std::unique_ptr<awaitc::Diagnoser> Diag;
  std::vector<awaitc::AnnotatedFunction> Found;
  std::unique_ptr<awaitc::BodyAnalysis> Analysis;
};

} // namespace awaitc::test

#endif
