# Writes a man page from a program's own --help (and its subcommands' --help), so the page
# says exactly what the program does; the commands listed under 命令: in the help get a section
# each. cmake -DPROGRAM=… -DNAME=… -DSUMMARY=… -DVERSION=… -DOUT=file.1 -P manpage.cmake
function(help_of out)
  execute_process(COMMAND ${PROGRAM} ${ARGN} --help OUTPUT_VARIABLE text ERROR_VARIABLE err RESULT_VARIABLE rc)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "${PROGRAM} ${ARGN} --help failed: ${err}")
  endif()
  if(text STREQUAL "")
    set(text "${err}")
  endif()
  # troff: backslashes escaped, no line may start with a dot or an apostrophe.
  string(REPLACE "\\" "\\e" text "${text}")
  string(REGEX REPLACE "(^|\n)([.'])" "\\1\\\\&\\2" text "${text}")
  set(${out} "${text}" PARENT_SCOPE)
endfunction()

string(TOUPPER "${NAME}" upper)
if(DEFINED ENV{SOURCE_DATE_EPOCH})
  string(TIMESTAMP date "%Y-%m-%d" UTC)
else()
  set(date "")
endif()
help_of(main)
# The commands: indented names in the lines after the 命令: heading (each followed by its
# command line's arguments, or by the description's column).
set(SUBCOMMANDS "")
string(FIND "${main}" "\n命令:\n" at)
if(at GREATER -1)
  string(SUBSTRING "${main}" ${at} -1 rest)
  string(REGEX MATCHALL "\n  [a-z][a-z-]* " names "${rest}")
  foreach(name ${names})
    string(STRIP "${name}" name)
    list(APPEND SUBCOMMANDS ${name})
  endforeach()
endif()
set(page ".TH ${upper} 1 \"${date}\" \"elder-kiosk ${VERSION}\" \"User Commands\"
.SH NAME
${NAME} \\- ${SUMMARY}
.SH DESCRIPTION
.nf
${main}.fi
")
if(SUBCOMMANDS)
  string(APPEND page ".SH COMMANDS\n")
  foreach(sub ${SUBCOMMANDS})
    help_of(text ${sub})
    string(APPEND page ".SS ${sub}\n.nf\n${text}.fi\n")
  endforeach()
endif()
string(APPEND page ".SH SEE ALSO
/usr/share/doc/elder-kiosk/reference.md, /usr/share/doc/elder-kiosk/deploy.md
")
file(WRITE ${OUT} "${page}")
