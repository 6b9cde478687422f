//===- Transform.cpp - The pipeline over one translation unit -------------===//
#include "Transform.h"

#include "analyse/Analysis.h"
#include "analyse/Legality.h"
#include "emit/Cxx20Emitter.h"
#include "emit/DotEmitter.h"
#include "emit/Emitter.h"
#include "find/Finder.h"
#include "lower/Lowering.h"
#include "support/LineDirectives.h"

#include "clang/AST/ASTConsumer.h"
#include "clang/AST/Attr.h"
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

struct Replacement {
  ByteRange Range;
  std::string Text;
};

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

    std::vector<Replacement> Replacements;
    std::vector<FrameModel> Models;
    // Annotated lambdas in annotated bodies come first (see Finder.h).
    TransformedLambdas Nested;
    for (const AnnotatedFunction &F : Functions) {
      BodyAnalysis Analysis(F, Src);
      if (!checkBody(Analysis, Diag))
        continue;
      std::optional<FrameModel> Model =
          lowerFunction(Analysis, Src, Ctx, Diag,
                        FileNames.fresh(Analysis.functionName() + "_frame"),
                        Nested);
      if (!Model)
        continue;
      std::optional<Replacement> R = replace(F, *Model, Src, Diag);
      if (R && F.Nested)
        Nested[F.Lambda] = std::move(R->Text);
      else if (R)
        Replacements.push_back(std::move(*R));
      if (Options.Emit == Backend::Dot)
        Models.push_back(std::move(*Model));
    }
    if (Diag.hasErrors())
      return;
    if (Options.Emit == Backend::Dot) {
      Done(std::string(Src.fileName()),
           emitDot(Models, std::string(Src.fileName())),
           Files->getDependencies());
      return;
    }

    std::string Text;
    unsigned Pos = 0;
    for (const Replacement &R : Replacements) {
      Text += Src.text({Pos, R.Range.Begin}).str();
      Text += R.Text;
      Pos = R.Range.End;
      Text += lineMark(Src.line(Pos));
    }
    Text += Src.text({Pos, static_cast<unsigned>(Src.buffer().size())}).str();
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

  /// The replacement of \p F's definition: from its first token (or its
  /// annotation, if that comes first) to the end of its body.
  std::optional<Replacement> replace(const AnnotatedFunction &F,
                                     FrameModel &Model, const SourceText &Src,
                                     Diagnoser &Diag) {
    const SourceManager &SM = Src.sourceManager();
    const FunctionDecl &FD = *F.Function;
    auto Whole = Src.range(F.sourceRange());
    auto Body = Src.range(FD.getBody()->getSourceRange());
    if (!Whole || !Body) {
      Diag.error(FD.getLocation(), "awaitc cannot rewrite this function: its "
                                   "definition is not contiguous text in this "
                                   "file (is it produced by a macro?)");
      return std::nullopt;
    }
    ByteRange Head{Whole->Begin, Body->Begin};
    // The annotation, to drop from the output (it has done its job).
    std::optional<ByteRange> Annotation;
    if (const AnnotateAttr *A = annotationAttr(FD)) {
      SourceLocation Loc = A->getLocation();
      if (Loc.isMacroID())
        Annotation = annotationMacro(Loc, SM);
      else
        Annotation = Src.range(A->getRange());
    }
    if (Annotation && Annotation->Begin < Head.Begin)
      Head.Begin = Annotation->Begin;
    // The annotation and the white space after it go.
    if (Annotation) {
      while (Annotation->End < Head.End &&
             isspace(static_cast<unsigned char>(Src.buffer()[Annotation->End])))
        ++Annotation->End;
    }
    while (Head.End > Head.Begin &&
           isspace(static_cast<unsigned char>(Src.buffer()[Head.End - 1])))
      --Head.End;

    auto Cut = [&](std::vector<ByteRange> Remove) {
      std::sort(Remove.begin(), Remove.end(),
                [](ByteRange L, ByteRange R) { return L.Begin < R.Begin; });
      std::string Out = lineMark(Src.line(Head.Begin));
      unsigned Pos = Head.Begin;
      for (ByteRange R : Remove) {
        if (R.Begin < Pos || R.End > Head.End)
          continue;
        Out += Src.text({Pos, R.Begin}).str();
        Pos = R.End;
      }
      return Out + Src.text({Pos, Head.End}).str();
    };
    std::vector<ByteRange> Drop;
    if (Annotation)
      Drop.push_back(*Annotation);
    Model.DefinitionHead = Cut(Drop);
    return Replacement{{Head.Begin, Body->End}, emitFunction(Model)};
  }

  /// The text of the macro invocation that spells the annotation at
  /// \p Loc and nothing else (`AWAITC_ASYNC`, or a macro whose whole body
  /// is such a macro's name), to drop from the output. Nothing when that
  /// invocation is itself part of a macro that spells more of the head
  /// (`#define ASYNC_INT AWAITC_ASYNC awaitc::Coro<int>`): the head is then
  /// kept as written, and the annotation with it, which does nothing in the
  /// generated code.
  std::optional<ByteRange> annotationMacro(SourceLocation Loc,
                                           const SourceManager &SM) {
    Preprocessor &PP = CI.getPreprocessor();
    const LangOptions &LO = CI.getLangOpts();
    std::optional<CharSourceRange> Last;
    const IdentifierInfo *Inner = nullptr;
    while (Loc.isMacroID() && !SM.isMacroArgExpansion(Loc)) {
      CharSourceRange Invocation = SM.getImmediateExpansionRange(Loc);
      SourceLocation NameLoc = Invocation.getBegin();
      Token Name;
      if (Lexer::getRawToken(SM.getSpellingLoc(NameLoc), Name, SM, LO))
        break;
      IdentifierInfo *II = PP.getIdentifierInfo(Name.getRawIdentifier());
      const MacroInfo *Info =
          PP.getMacroDefinitionAtLoc(II, SM.getExpansionLoc(NameLoc))
              .getMacroInfo();
      if (!Info || Info->isFunctionLike())
        break;
      ArrayRef<Token> Body = Info->tokens();
      bool OnlyAnnotation;
      if (!Inner) {
        // `__attribute__((...))` or `[[...]]`, and nothing after it.
        int Depth = 0;
        OnlyAnnotation =
            !Body.empty() &&
            (Body.front().is(tok::l_square) ||
             (Body.front().getIdentifierInfo() &&
              Body.front().getIdentifierInfo()->isStr("__attribute__")));
        for (size_t I = 0; OnlyAnnotation && I < Body.size(); ++I) {
          if (Body[I].isOneOf(tok::l_paren, tok::l_square))
            ++Depth;
          else if (Body[I].isOneOf(tok::r_paren, tok::r_square))
            --Depth;
          if (Depth == 0 && I > 0 && I + 1 < Body.size())
            OnlyAnnotation = false;
        }
      } else {
        OnlyAnnotation =
            Body.size() == 1 && Body.front().getIdentifierInfo() == Inner;
      }
      if (!OnlyAnnotation)
        break;
      Last = Invocation;
      Inner = II;
      Loc = NameLoc;
    }
    if (!Last || !Last->getBegin().isFileID() || !Last->getEnd().isFileID())
      return std::nullopt;
    return SourceText(SM, LO).range(
        SourceRange(Last->getBegin(), Last->getEnd()));
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
