# cmake -DSOURCE_DIR=<tests/fuzz> -DBINARY_DIR=<dir> -DCXX=<clang++> -DCORPUS=<seed dir>
#       -DSECONDS=<budget> [-DLAUNCHER=<ccache>] -P run_fuzz.cmake
# Configures and builds the fuzz project with clang, then runs the fuzzer for SECONDS on
# one core. A crash, a sanitizer report, a leak or a timeout fails the test; the input is
# kept in BINARY_DIR/artifacts/ (add it to tst_syncdecodehostile, then fix the decoder).
foreach(var SOURCE_DIR BINARY_DIR CXX CORPUS SECONDS)
  if(NOT DEFINED ${var})
    message(FATAL_ERROR "run_fuzz.cmake: ${var} is not set")
  endif()
endforeach()

set(configure_args -S ${SOURCE_DIR} -B ${BINARY_DIR} -G Ninja -DCMAKE_CXX_COMPILER=${CXX}
                   -DCMAKE_BUILD_TYPE=RelWithDebInfo)
if(LAUNCHER)
  list(APPEND configure_args -DCMAKE_CXX_COMPILER_LAUNCHER=${LAUNCHER})
endif()
execute_process(COMMAND ${CMAKE_COMMAND} ${configure_args} RESULT_VARIABLE rc
                OUTPUT_VARIABLE out ERROR_VARIABLE out)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "fuzz: configuring ${SOURCE_DIR} with ${CXX} failed:\n${out}")
endif()
execute_process(COMMAND ${CMAKE_COMMAND} --build ${BINARY_DIR} -j2 RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "fuzz: building the fuzzer failed")
endif()

file(MAKE_DIRECTORY ${BINARY_DIR}/corpus ${BINARY_DIR}/artifacts)
execute_process(
  COMMAND ${BINARY_DIR}/fuzz_sync_decode -max_total_time=${SECONDS} -rss_limit_mb=1024
          -timeout=10 -max_len=65536 -print_final_stats=1
          -artifact_prefix=${BINARY_DIR}/artifacts/ ${BINARY_DIR}/corpus ${CORPUS}
  RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "fuzz: fuzz_sync_decode found a failure (exit ${rc}); see ${BINARY_DIR}/artifacts")
endif()
