#pragma once
inline int depfile_base() { return 21; }
