"""Personal data of a placed person as someone might type it into a working text.

The BSN passes the 11-test (9*1+8*1+7*1+6*2+5*2+4*2+3*3+2*3-1*3 = 66, a multiple of 11),
so the guard refuses it; the IBAN is the IBAN standard's own example, with a valid checksum.
"""

BSN = "kandidaat BSN 111222333"
EMAIL = "mail j.jansen@example.nl even"
PHONE = "bel 06-12345678 morgen"
IBAN = "rekening NL91ABNA0417164300"
BIRTH = "geboren op 12-03-1985"
