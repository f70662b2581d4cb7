-- Receipts are now random and shown to the voter once; a ballot keeps only the SHA-256 digest (hex) of its
-- receipt. Receipts issued before (HMACs of poll and voter) are kept the same way, so they still check.
update poll_ballot set receipt = encode(sha256(convert_to(receipt, 'UTF8')), 'hex');
