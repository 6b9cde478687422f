// clang_headers.cpp - the Clang and LLVM headers a LibTooling tool (this one)
// includes, and a RecursiveASTVisitor: deep templates, CRTP, heavy macros.
//
// Unannotated: passed through byte-identical. Parsed with -I the LLVM
// include directory (--llvm-include); skipped when there is none.
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "clang/ASTMatchers/ASTMatchers.h"
#include "clang/Frontend/CompilerInstance.h"
#include "clang/Frontend/FrontendActions.h"
#include "clang/Rewrite/Core/Rewriter.h"
#include "clang/Tooling/CommonOptionsParser.h"
#include "clang/Tooling/Tooling.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/raw_ostream.h"

class V : public clang::RecursiveASTVisitor<V> {
public:
  bool VisitFunctionDecl(clang::FunctionDecl *) { return true; }
};
