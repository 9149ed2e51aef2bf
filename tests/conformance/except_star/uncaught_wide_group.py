# An uncaught group with more than 15 sub-exceptions shows the first 15 and "and N more exceptions".
raise ExceptionGroup("wide", [ValueError(i) for i in range(18)])
