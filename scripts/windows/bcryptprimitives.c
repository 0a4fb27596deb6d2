/* A test-only stand-in for bcryptprimitives.dll, which Rust's std (since 1.78) loads for its
 * random numbers (ProcessPrng) and which Debian's Wine 8 lacks. Real Windows (10 and later) has
 * the DLL: this shim is never shipped, only placed beside jixiao.exe under Wine by
 * scripts/test-windows.sh. It answers with RtlGenRandom (advapi32's SystemFunction036). */
#include <windows.h>

BOOLEAN WINAPI SystemFunction036(PVOID buffer, ULONG length);

__declspec(dllexport) BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T length) {
    while (length > 0) {
        ULONG chunk = length > 0x10000000 ? 0x10000000 : (ULONG)length;
        if (!SystemFunction036(data, chunk)) {
            return FALSE;
        }
        data += chunk;
        length -= chunk;
    }
    return TRUE;
}
