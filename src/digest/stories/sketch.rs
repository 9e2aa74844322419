//! Near-copies: MinHash sketches of the articles' term sets, banded for locality-sensitive
//! hashing, so that copies meet without comparing all pairs.
//!
//! Contract: [`units`] maps every article to the representative of its unit of near-copies
//! (itself when it has none). Two articles are near-copies when the Jaccard overlap of their
//! distinct terms is at least [`COPY_OVERLAP`]; candidates are articles that agree on all
//! [`ROWS`] minimum hashes of at least one of [`BANDS`] bands (for an overlap of 0.8 they meet
//! with probability `1 - (1 - 0.8^4)^6` = 0.996; for 0.3 with 0.05). Each bucket's members are
//! verified against its first member (in key order), so a bucket of 200 copies costs 199
//! comparisons. Units are transitive (a copy of a copy is in the unit) and their representative
//! is the member with the smallest key, so they do not depend on the input's order.

use twox_hash::XxHash3_64;

/// Jaccard overlap of two articles' distinct terms at or above which they are near-copies: a
/// wire story re-run with a changed paragraph, a new headline or a few more lines still shares
/// most of its terms; two reports of one event by two outlets rarely share half.
pub const COPY_OVERLAP: f32 = 0.6;
/// Bands of the sketch.
pub const BANDS: usize = 6;
/// Minimum hashes per band.
pub const ROWS: usize = 4;

/// SplitMix64's finalizer: a bijective mix of 64 bits.
fn mix(mut z: u64) -> u64 {
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

/// Jaccard overlap of two sorted, distinct hash lists.
pub fn jaccard(a: &[(u64, u32)], b: &[(u64, u32)]) -> f32 {
    let (mut i, mut j, mut both) = (0, 0, 0usize);
    while i < a.len() && j < b.len() {
        match a[i].0.cmp(&b[j].0) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                both += 1;
                i += 1;
                j += 1;
            }
        }
    }
    let union = a.len() + b.len() - both;
    if union == 0 {
        1.0
    } else {
        both as f32 / union as f32
    }
}

/// The band keys of an article's term set (empty for an article with no term).
fn band_keys(terms: &[(u64, u32)]) -> Vec<u64> {
    if terms.is_empty() {
        return Vec::new();
    }
    let mut mins = [u64::MAX; BANDS * ROWS];
    for &(h, _) in terms {
        for (r, m) in mins.iter_mut().enumerate() {
            let v = mix(h ^ mix(r as u64 + 1));
            if v < *m {
                *m = v;
            }
        }
    }
    mins.chunks(ROWS)
        .enumerate()
        .map(|(band, rows)| {
            let mut bytes = [0u8; ROWS * 8];
            for (k, v) in rows.iter().enumerate() {
                bytes[k * 8..k * 8 + 8].copy_from_slice(&v.to_le_bytes());
            }
            XxHash3_64::oneshot_with_seed(band as u64, &bytes)
        })
        .collect()
}

/// The representative of each article's unit of near-copies (see the module docs). `terms`
/// are each article's `(term hash, count)` sorted by hash; `keys` order the articles.
pub fn units<T: AsRef<[(u64, u32)]> + Sync>(terms: &[T], keys: &[u64]) -> Vec<u32> {
    use rayon::prelude::*;
    let n = terms.len();
    // Rank of each article in key order (ties: index; equal keys are equal texts).
    let mut order: Vec<u32> = (0..n as u32).collect();
    order.sort_by_key(|&i| (keys[i as usize], i));
    let mut rank = vec![0u32; n];
    for (r, &i) in order.iter().enumerate() {
        rank[i as usize] = r as u32;
    }
    let mut entries: Vec<(u64, u32)> = terms
        .par_iter()
        .enumerate()
        .flat_map_iter(|(i, t)| {
            let r = rank[i];
            band_keys(t.as_ref()).into_iter().map(move |k| (k, r))
        })
        .collect();
    entries.par_sort_unstable();
    // Union-find over ranks; the root of a set is its smallest rank.
    let mut parent: Vec<u32> = (0..n as u32).collect();
    fn root(parent: &mut [u32], mut x: u32) -> u32 {
        while parent[x as usize] != x {
            parent[x as usize] = parent[parent[x as usize] as usize];
            x = parent[x as usize];
        }
        x
    }
    let order_ref = &order;
    let pairs: Vec<(u32, u32)> = entries
        .par_chunk_by(|a, b| a.0 == b.0)
        .filter(|bucket| bucket.len() > 1)
        .flat_map_iter(|bucket| {
            let lead = bucket[0].1;
            let lead_terms = terms[order_ref[lead as usize] as usize].as_ref();
            bucket[1..]
                .iter()
                .filter(move |&&(_, r)| {
                    jaccard(lead_terms, terms[order_ref[r as usize] as usize].as_ref())
                        >= COPY_OVERLAP
                })
                .map(move |&(_, r)| (lead, r))
                .collect::<Vec<_>>()
        })
        .collect();
    for (a, b) in pairs {
        let (ra, rb) = (root(&mut parent, a), root(&mut parent, b));
        if ra != rb {
            let (lo, hi) = if ra < rb { (ra, rb) } else { (rb, ra) };
            parent[hi as usize] = lo;
        }
    }
    (0..n)
        .map(|i| {
            let r = root(&mut parent, rank[i]);
            order[r as usize]
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn set(hashes: impl IntoIterator<Item = u64>) -> Vec<(u64, u32)> {
        let mut v: Vec<(u64, u32)> = hashes.into_iter().map(|h| (mix(h), 1)).collect();
        v.sort_unstable();
        v.dedup();
        v
    }

    #[test]
    fn jaccard_of_sets() {
        assert_eq!(jaccard(&set(0..10), &set(0..10)), 1.0);
        assert_eq!(jaccard(&set(0..10), &set(5..15)), 5.0 / 15.0);
        assert_eq!(jaccard(&set(0..4), &set(10..14)), 0.0);
        assert_eq!(jaccard(&[], &[]), 1.0);
    }

    #[test]
    fn copies_are_one_unit_whatever_their_number_and_order() {
        // 200 copies of a 100-term article, each missing or adding a few terms, and two
        // unrelated articles.
        let mut terms: Vec<Vec<(u64, u32)>> = (0..200u64)
            .map(|c| set((0..100u64).filter(|t| t % 37 != c % 37).chain([1000 + c])))
            .collect();
        terms.push(set(5000..5100));
        terms.push(set(6000..6100));
        let keys: Vec<u64> = (0..terms.len() as u64).map(|i| mix(i + 7)).collect();
        let rep = units(&terms, &keys);
        let first = rep[0];
        assert!(rep[..200].iter().all(|&r| r == first));
        assert_eq!(rep[200], 200);
        assert_eq!(rep[201], 201);
        // The representative is the copy with the smallest key, wherever it sits.
        let smallest = (0..200).min_by_key(|&i| keys[i]).unwrap() as u32;
        assert_eq!(first, smallest);
        let mut rev_terms = terms.clone();
        rev_terms.reverse();
        let mut rev_keys = keys.clone();
        rev_keys.reverse();
        let rev = units(&rev_terms, &rev_keys);
        let n = terms.len() as u32;
        for i in 0..terms.len() {
            assert_eq!(n - 1 - rev[n as usize - 1 - i], rep[i]);
        }
    }

    #[test]
    fn half_shared_terms_are_not_copies() {
        let terms = vec![set(0..100), set(50..150)];
        assert_eq!(units(&terms, &[1, 2]), vec![0, 1]);
    }
}
