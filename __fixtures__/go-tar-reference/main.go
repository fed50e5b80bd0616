// Command go-tar-reference prints what Go's archive/tar reads from each tar file named on its
// command line: the reader Docker and containerd unpack images with. One JSON line per file:
// every entry as Docker uses it, then the error that stopped the reading, if any. The
// differential test (__tests__/core/tar/go-differential.test.ts) compares the project's own
// reader with it.
package main

import (
	"archive/tar"
	"bufio"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"io"
	"os"
)

type entry struct {
	Type string `json:"type"`
	// Names as hex: they are bytes, not text.
	Name     string `json:"name"`
	Linkname string `json:"linkname"`
	// As the kernel gets them from Docker: the permission, setuid, setgid and sticky bits, and
	// the low 32 bits of the IDs.
	Mode uint32 `json:"mode"`
	UID  uint32 `json:"uid"`
	GID  uint32 `json:"gid"`
	// The body Go hands over (none for links, directories and devices, whatever the size says).
	BodySize   int64  `json:"bodySize"`
	BodySHA256 string `json:"bodySha256"`
	// The security.capability extended attribute Docker sets, in hex, if not empty.
	Capability string `json:"capability,omitempty"`
	// Whether Go reads the entry as a GNU sparse file (old type 'S' or PAX records).
	Sparse bool `json:"sparse,omitempty"`
}

type result struct {
	File    string  `json:"file"`
	Entries []entry `json:"entries"`
	Error   string  `json:"error,omitempty"`
}

func main() {
	out := bufio.NewWriter(os.Stdout)
	defer out.Flush()
	encoder := json.NewEncoder(out)
	for _, path := range os.Args[1:] {
		if err := encoder.Encode(read(path)); err != nil {
			panic(err)
		}
	}
}

func read(path string) result {
	r := result{File: path, Entries: []entry{}}
	f, err := os.Open(path)
	if err != nil {
		r.Error = err.Error()
		return r
	}
	defer f.Close()
	tr := tar.NewReader(f)
	for {
		hdr, err := tr.Next()
		if err == io.EOF {
			return r
		}
		if err != nil {
			r.Error = err.Error()
			return r
		}
		sparse := isSparse(hdr)
		// The body of a sparse file is its holes filled in, gigabytes of them in Go's test
		// archives: not read. (The project's reader refuses sparse files.)
		hash := sha256.New()
		var n int64
		if !sparse {
			if n, err = io.Copy(hash, tr); err != nil {
				r.Error = err.Error()
				return r
			}
		}
		e := entry{
			Type:       string([]byte{hdr.Typeflag}),
			Name:       hex.EncodeToString([]byte(hdr.Name)),
			Linkname:   hex.EncodeToString([]byte(hdr.Linkname)),
			Mode:       uint32(hdr.Mode) & 07777,
			UID:        uint32(hdr.Uid),
			GID:        uint32(hdr.Gid),
			BodySize:   n,
			BodySHA256: hex.EncodeToString(hash.Sum(nil)),
			Capability: capability(hdr),
			Sparse:     sparse,
		}
		r.Entries = append(r.Entries, e)
	}
}

// isSparse tells whether Go read the entry as a GNU sparse file: the old type 'S', or the PAX
// records of formats 0.0, 0.1 and 1.0, as reader.go's readGNUSparsePAXHeaders tells them apart.
func isSparse(hdr *tar.Header) bool {
	if hdr.Typeflag == tar.TypeGNUSparse {
		return true
	}
	major, minor := hdr.PAXRecords["GNU.sparse.major"], hdr.PAXRecords["GNU.sparse.minor"]
	switch {
	case major == "0" && (minor == "0" || minor == "1"), major == "1" && minor == "0":
		return true
	case major != "" || minor != "":
		return false
	}
	return hdr.PAXRecords["GNU.sparse.map"] != ""
}

// capability is the security.capability attribute Docker sets on the file it creates for the
// entry (a global header creates none), in hex.
func capability(hdr *tar.Header) string {
	if hdr.Typeflag == tar.TypeXGlobalHeader {
		return ""
	}
	return hex.EncodeToString([]byte(hdr.PAXRecords["SCHILY.xattr.security.capability"]))
}
