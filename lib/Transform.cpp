//===- Transform.cpp - The pipeline over one translation unit -------------===//
#include "Transform.h"

#include "analyse/Analysis.h"
#include "analyse/Legality.h"
#include "emit/Cxx20Emitter.h"
#include "emit/DotEmitter.h"
#include "emit/Emitter.h"
#include "find/Definitions.h"
#include "find/Finder.h"
#include "lower/Lowering.h"
#include "support/LineDirectives.h"

#include "clang/AST/ASTConsumer.h"
#include "clang/Frontend/CompilerInstance.h"
#include "clang/Frontend/FrontendActions.h"
#include "clang/Frontend/Utils.h"
#include "clang/Lex/Lexer.h"
#include "clang/Lex/MacroArgs.h"
#include "clang/Lex/MacroInfo.h"
#include "clang/Lex/PPCallbacks.h"
#include "clang/Lex/Preprocessor.h"
#include "clang/Tooling/Tooling.h"

using namespace clang;

namespace awaitc {
namespace {

/// Every file the parse enters, system headers included: a depfile that
/// leaves out an installed runtime header (which CMake includes with
/// -isystem) would not rerun the tool when that header changes.
class AllFilesCollector : public DependencyCollector {
  bool needSystemDependencies() override { return true; }
};

/// Records the invocations of function-like macros in the main file, and
/// their arguments that the macro does not use as plain tokens exactly once
/// (OpaqueMacroArgument). Nested expansions are seen too: an argument that
/// a macro passes on to another macro that stringizes it is recorded at the
/// inner expansion, whose argument tokens are spelled in the file.
class MacroArgumentRecorder : public PPCallbacks {
public:
  MacroArgumentRecorder(const SourceManager &SM, const LangOptions &LO,
                        std::shared_ptr<MacroUses> Out)
      : SM(SM), LO(LO), Out(std::move(Out)) {}

  void MacroExpands(const Token &Name, const MacroDefinition &Definition,
                    SourceRange Range, const MacroArgs *Args) override {
    const MacroInfo *Info = Definition.getMacroInfo();
    if (!Info || !Info->isFunctionLike() || !Args)
      return;
    std::optional<ByteRange> Invocation =
        fileRange(SM.getExpansionLoc(Range.getBegin()),
                  SM.getExpansionLoc(Range.getEnd()));
    if (!Invocation)
      return;
    Out->Invocations.push_back(*Invocation);
    ArrayRef<Token> Body = Info->tokens();
    unsigned Index = 0;
    for (const IdentifierInfo *Param : Info->params()) {
      unsigned Uses = 0;
      bool Plain = true;
      for (size_t I = 0; I < Body.size(); ++I) {
        if (Body[I].getIdentifierInfo() != Param)
          continue;
        ++Uses;
        bool HashBefore = I > 0 && Body[I - 1].isOneOf(tok::hash, tok::hashat);
        bool PasteBefore = I > 0 && Body[I - 1].is(tok::hashhash);
        bool PasteAfter = I + 1 < Body.size() && Body[I + 1].is(tok::hashhash);
        // GNU `, ## __VA_ARGS__` only drops the comma when the argument is
        // empty; the argument's tokens are used as they are.
        if (PasteBefore && I > 1 && Body[I - 2].is(tok::comma) &&
            Param->isStr("__VA_ARGS__"))
          PasteBefore = false;
        if (HashBefore || PasteBefore || PasteAfter)
          Plain = false;
      }
      if (Uses != 1 || !Plain)
        record(Args->getUnexpArgument(Index), *Invocation,
               Name.getIdentifierInfo()->getName());
      ++Index;
    }
  }

private:
  std::optional<ByteRange> fileRange(SourceLocation First,
                                     SourceLocation Last) const {
    if (!SM.isWrittenInMainFile(First) || !SM.isWrittenInMainFile(Last) ||
        !First.isFileID() || !Last.isFileID())
      return std::nullopt;
    unsigned Begin = SM.getFileOffset(First);
    unsigned End =
        SM.getFileOffset(Last) + Lexer::MeasureTokenLength(Last, SM, LO);
    if (End < Begin)
      return std::nullopt;
    return ByteRange{Begin, End};
  }

  void record(const Token *Argument, ByteRange Invocation, StringRef Macro) {
    for (const Token *T = Argument; T && T->isNot(tok::eof); ++T) {
      SourceLocation Spelling = SM.getSpellingLoc(T->getLocation());
      if (auto R = fileRange(Spelling, Spelling))
        Out->Opaque.push_back({*R, Invocation, Macro.str()});
    }
  }

  const SourceManager &SM;
  const LangOptions &LO;
  std::shared_ptr<MacroUses> Out;
};

class TransformConsumer : public ASTConsumer {
public:
  TransformConsumer(CompilerInstance &CI, TransformOptions Options,
                    TransformCallback Done,
                    std::shared_ptr<DependencyCollector> Files,
                    std::shared_ptr<MacroUses> Macros)
      : CI(CI), Options(std::move(Options)), Done(std::move(Done)),
        Files(std::move(Files)), Macros(std::move(Macros)) {}

  void HandleTranslationUnit(ASTContext &Ctx) override {
    Diagnoser Diag(CI.getDiagnostics());
    if (Diag.hasErrors())
      return;
    SourceText Src(Ctx.getSourceManager(), Ctx.getLangOpts());
    Src.setMacroUses(std::move(*Macros));
    std::vector<AnnotatedFunction> Functions =
        findAnnotatedFunctions(Ctx, Diag);
    if (Diag.hasErrors())
      return;
    if (Options.Emit == Backend::Cxx20) {
      // The rewrite keeps every line where it was: one #line at the top
      // makes errors, breakpoints and print_stack() name the user's file.
      if (std::optional<std::string> Text =
              emitCxx20(Functions, Src, Ctx, Diag))
        Done(std::string(Src.fileName()),
             resolveLineMarks(lineMark(1) + *Text, lineOptions(Src)),
             Files->getDependencies());
      return;
    }
    // Frame class names are unique in the file, and spelled nowhere in it.
    NameAllocator FileNames;
    llvm::StringMap<unsigned> Spelled;
    Src.countIdentifiers({0, static_cast<unsigned>(Src.buffer().size())},
                         Spelled);
    for (const auto &Entry : Spelled)
      FileNames.reserve(Entry.getKey());

    std::vector<Edit> Replacements;
    std::vector<FrameModel> Models;
    // Annotated lambdas in annotated bodies come first (see Finder.h).
    TransformedLambdas Nested;
    for (const AnnotatedFunction &F : Functions) {
      std::optional<DefinitionText> Definition =
          definitionText(F, Src, CI.getPreprocessor(), Diag);
      if (!Definition)
        continue;
      BodyAnalysis Analysis(F, Src);
      if (!checkBody(Analysis, Diag))
        continue;
      std::optional<FrameModel> Model =
          lowerFunction(Analysis, Src, Ctx, Diag,
                        FileNames.fresh(Analysis.identifierName() + "_frame"),
                        Definition->Head, Nested);
      if (!Model)
        continue;
      if (Options.Emit == Backend::Dot)
        Models.push_back(*Model);
      if (F.Nested)
        Nested[F.Lambda] = std::make_shared<FrameModel>(std::move(*Model));
      else
        Replacements.push_back(
            Edit{Definition->Replaced, emitFunction(*Model)});
    }
    if (Diag.hasErrors())
      return;
    if (Options.Emit == Backend::Dot) {
      Done(std::string(Src.fileName()),
           emitDot(Models, std::string(Src.fileName())),
           Files->getDependencies());
      return;
    }

    // After each function, the user's text resumes on its own line.
    std::string Text = Src.splice(
        {0, static_cast<unsigned>(Src.buffer().size())}, Replacements, nullptr,
        [&](const Edit &E) { return lineMark(Src.line(E.Range.End)); });
    Done(std::string(Src.fileName()), resolveLineMarks(Text, lineOptions(Src)),
         Files->getDependencies());
  }

private:
  LineDirectiveOptions lineOptions(const SourceText &Src) const {
    LineDirectiveOptions Lines;
    Lines.Emit = Options.LineDirectives;
    Lines.SourceFile = std::string(Src.fileName());
    Lines.OutputFile = Options.OutputName.empty()
                           ? Lines.SourceFile + ".awaitc.cpp"
                           : Options.OutputName;
    return Lines;
  }

  CompilerInstance &CI;
  TransformOptions Options;
  TransformCallback Done;
  std::shared_ptr<DependencyCollector> Files;
  std::shared_ptr<MacroUses> Macros;
};

class TransformAction : public ASTFrontendAction {
public:
  TransformAction(TransformOptions Options, TransformCallback Done)
      : Options(std::move(Options)), Done(std::move(Done)) {}

protected:
  std::unique_ptr<ASTConsumer> CreateASTConsumer(CompilerInstance &CI,
                                                 StringRef) override {
    // The preprocessor exists but has not entered the main file yet.
    auto Files = std::make_shared<AllFilesCollector>();
    Files->attachToPreprocessor(CI.getPreprocessor());
    auto Macros = std::make_shared<MacroUses>();
    CI.getPreprocessor().addPPCallbacks(std::make_unique<MacroArgumentRecorder>(
        CI.getSourceManager(), CI.getLangOpts(), Macros));
    return std::make_unique<TransformConsumer>(
        CI, Options, Done, std::move(Files), std::move(Macros));
  }

private:
  TransformOptions Options;
  TransformCallback Done;
};

} // namespace

std::unique_ptr<FrontendAction> makeTransformAction(TransformOptions Options,
                                                    TransformCallback Done) {
  return std::make_unique<TransformAction>(std::move(Options), std::move(Done));
}

bool transformCode(const std::string &Code, const std::string &FileName,
                   const std::vector<std::string> &Args,
                   const TransformOptions &Options, std::string &Result) {
  bool Produced = false;
  auto Action = makeTransformAction(Options, [&](const std::string &,
                                                 const std::string &Text,
                                                 llvm::ArrayRef<std::string>) {
    Result = Text;
    Produced = true;
  });
  bool Ok =
      tooling::runToolOnCodeWithArgs(std::move(Action), Code, Args, FileName);
  return Ok && Produced;
}

} // namespace awaitc
