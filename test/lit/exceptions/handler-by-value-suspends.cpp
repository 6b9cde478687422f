// A handler that suspends must catch by reference: the caught exception is
// re-caught from the saved std::exception_ptr after each resumption, so a
// by-value parameter would be a new copy each time. The tool rejects it
// with a clear error at the parameter (file:line:col), exits with status 1
// and writes no output file. A by-value handler that does not suspend is
// fine (ordinary C++).
// RUN: rm -f %t.out
// RUN: %python %S/../diagnostics/Inputs/expect_exit.py 1 %awaitc %S/Inputs/handler-by-value.cpp -o %t.out -- -std=c++17 -I%awaitc-include 2>&1 | FileCheck %s
// RUN: not test -e %t.out
// RUN: %awaitc %S/Inputs/handler-by-value-no-suspend.cpp -o %t.ok.cpp -- -std=c++17 -I%awaitc-include
// RUN: %cxx-gcc %t.ok.cpp %runtime-lib -o %t.ok && %t.ok | FileCheck --check-prefix=OK %s

// CHECK: handler-by-value.cpp:13:31: error: catch the exception by reference in a handler that suspends; a copy caught by value would be made again at each resumption
// CHECK-NEXT: {{.*}}  } catch (std::runtime_error e) {
// CHECK-NEXT: {{.*}}|{{ *}}^
// CHECK: handler-by-value.cpp:21:16: error: catch the exception by reference in a handler that suspends
// CHECK: 2 errors generated.

// OK: caught by value: 5
