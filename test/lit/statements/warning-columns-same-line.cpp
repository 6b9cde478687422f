// Warnings on a user's line after generated text that is longer than what it
// replaces land on the user's column too: code after a marker in the same
// expression, statement or line (an awaited value's use, call arguments,
// nested markers, a return's value, conditions of if, while, for and
// switch, the operand of YIELD, an assignment, a declaration kept in the
// frame, a second statement on the line), and a return's value after the
// generated call that replaces `return`. The transformed code goes on under
// a #line on a line of its own, indented to the user's column, and each
// compiler warns where clang warns about the untransformed file (the oracle).
// RUN: rm -rf %t && mkdir -p %t
// RUN: %python %tools/warning-locations.py --file %s -- %clang-syntax -Wno-error %s > %t/reference.txt
// RUN: FileCheck --check-prefix=REF --input-file=%t/reference.txt %s
// RUN: %awaitc %s -o %t/out.cpp -- -std=c++17 -I%awaitc-include
// RUN: %python %tools/warning-locations.py --file %s -- %cxx-clang -Wno-error -fsyntax-only %t/out.cpp > %t/clang.txt
// RUN: diff %t/reference.txt %t/clang.txt
// RUN: %python %tools/warning-locations.py --file %s -- %cxx-gcc -Wno-error -fsyntax-only %t/out.cpp > %t/gcc.txt
// RUN: diff %t/reference.txt %t/gcc.txt
// RUN: FileCheck --check-prefix=OUT --input-file=%t/out.cpp %s
#include <awaitc/awaitc.h>

#include <cstdio>

AWAITC_ASYNC awaitc::Coro<int> one() { return 1; }
AWAITC_ASYNC awaitc::Coro<int> add(int a, bool b) { return a + b; }
int plain(int a, bool b) { return a + b; }

AWAITC_ASYNC awaitc::Coro<int> body(unsigned u) {
  int v = AWAIT(one()) + (1 < u);
  v += plain(AWAIT(one()), v < u);
  v += AWAIT(add(AWAIT(one()), v < u)) + (v < u);
  if (AWAIT(one()) && v < u) v += 1;
  while (AWAIT(one()) > 5 || v < u) v += 100;
  for (int i = AWAIT(one()); i < u; ++i) v += i;
  switch (AWAIT(one()) + (v < u)) { default: break; }
  int kept = AWAIT(one()); bool late = kept < u;
  AWAIT(awaitc::sleep(0));
  v += kept + late;
  return v + (AWAIT(one()) < u) + (v < u);
}

AWAITC_GENERATOR awaitc::Generator<int> gen(unsigned u) {
  // (The oracle sees YIELD as a return: it does not warn about what follows.)
  int i = 0;
  YIELD(i + 100 + (i < u));
}

int main() {
  for (int x : gen(2)) std::printf("%d\n", x);
  std::printf("%d\n", awaitc::run(body(2)));
}

// REF: 29:30 [-Wsign-compare]
// REF-NEXT: 30:34 [-Wsign-compare]
// REF-NEXT: 30:45 [-Wsign-compare]
// REF-NEXT: 31:25 [-Wsign-compare]
// REF-NEXT: 32:32 [-Wsign-compare]
// REF-NEXT: 33:32 [-Wsign-compare]
// REF-NEXT: 34:29 [-Wsign-compare]
// REF-NEXT: 35:45 [-Wsign-compare]
// REF-NEXT: 38:28 [-Wsign-compare]
// REF-NEXT: 38:38 [-Wsign-compare]
// REF-NEXT: 44:22 [-Wsign-compare]

// The return's value goes on on a line of its own, at its column.
// OUT-LABEL: class body_frame
// OUT: this->awaitc_return_value(
// OUT-NEXT: #line 38 "{{.*}}warning-columns-same-line.cpp"
// OUT-NEXT: {{^         }}v + (
