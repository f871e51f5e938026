/* Test harness only, never shipped: a stand-in for Windows' own bcryptprimitives.dll (Windows 10
 * and later have it; wine 8.0 does not) so that python-calamine's extension loads under wine.
 * packaging/windows/wine.py cross-builds it with mingw-w64 into the wine prefix's system32,
 * nowhere else.
 *
 * Rust's standard library (1.78 and later) takes its random bytes from ProcessPrng, the one
 * function imported; wine's RtlGenRandom (advapi32's SystemFunction036) gives the same. */
#include <windows.h>
#include <ntsecapi.h>

__declspec(dllexport) BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T len)
{
    while (len > 0) {
        ULONG chunk = len > 0x10000000 ? 0x10000000 : (ULONG)len;
        if (!RtlGenRandom(data, chunk))
            return FALSE;
        data += chunk;
        len -= chunk;
    }
    return TRUE;
}
