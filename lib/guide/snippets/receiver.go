// A Webhook Console receiver in Go, standard library only.
// The official library does the same check: github.com/standard-webhooks/standard-webhooks/libraries/go
//   wh, _ := standardwebhooks.NewWebhook(secret); wh.Verify(body, r.Header)
// Run: WEBHOOK_SECRET='whsec_…' API_KEY='…' go run receiver.go
package main

import (
	"crypto/hmac"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"os"
	"strconv"
	"strings"
	"sync"
	"time"
)

const toleranceSeconds = 300

var (
	port = env("PORT", "8080")
	path = env("WEBHOOK_PATH", "/webhooks")
	// While a secret is rotated, both secrets sign for 24 hours: list both, space-separated.
	secrets      = strings.Fields(os.Getenv("WEBHOOK_SECRET"))
	apiKeyHeader = env("API_KEY_HEADER", "X-Api-Key")
	apiKey       = os.Getenv("API_KEY") // empty: the webhook uses OAuth, check the bearer token
	seen         sync.Map               // in production: a unique key on webhook-id in your database
)

func env(name, fallback string) string {
	if v := os.Getenv(name); v != "" {
		return v
	}
	return fallback
}

func same(a, b string) bool { return subtle.ConstantTimeCompare([]byte(a), []byte(b)) == 1 }

func verifySignature(id, timestamp, signatures string, body []byte) bool {
	ts, err := strconv.ParseInt(timestamp, 10, 64)
	age := time.Now().Unix() - ts
	if err != nil || id == "" || age > toleranceSeconds || age < -toleranceSeconds {
		return false // too old (or from the future): a replay
	}
	for _, secret := range secrets {
		key, err := base64.StdEncoding.DecodeString(strings.TrimPrefix(secret, "whsec_"))
		if err != nil {
			continue
		}
		mac := hmac.New(sha256.New, key)
		mac.Write([]byte(id + "." + timestamp + "."))
		mac.Write(body)
		expected := "v1," + base64.StdEncoding.EncodeToString(mac.Sum(nil))
		for _, sig := range strings.Split(signatures, " ") {
			if same(sig, expected) {
				return true
			}
		}
	}
	return false
}

// OAuth: check the token with your authorization server (JWT signature, issuer, audience, expiry).
func isValidAccessToken(token string) bool { return token != "" }

func authenticated(r *http.Request) bool {
	if apiKey != "" {
		return same(r.Header.Get(apiKeyHeader), apiKey)
	}
	token := strings.TrimPrefix(r.Header.Get("Authorization"), "Bearer ")
	return token != "" && isValidAccessToken(token)
}

func handle(w http.ResponseWriter, r *http.Request) {
	body, _ := io.ReadAll(io.LimitReader(r.Body, 1<<20))
	id := r.Header.Get("webhook-id")
	if r.Method != http.MethodPost || r.URL.Path != path {
		http.NotFound(w, r)
		return
	}
	if !authenticated(r) || !verifySignature(id, r.Header.Get("webhook-timestamp"), r.Header.Get("webhook-signature"), body) {
		w.WriteHeader(http.StatusUnauthorized)
		return
	}
	// Answer fast (2xx within 15 s), then work: a retry re-sends the same webhook-id.
	w.WriteHeader(http.StatusNoContent)
	if _, dup := seen.LoadOrStore(id, true); dup {
		return
	}
	var event struct {
		ID     string `json:"id"`
		Type   string `json:"type"`
		IsTest bool   `json:"is_test"`
	}
	if json.Unmarshal(body, &event) == nil {
		fmt.Println("verified", event.ID, event.Type, map[bool]string{true: "(test)"}[event.IsTest])
	}
	// A thin payload has no "data": fetch it with Get Event,
	// GET /api/v1/orgs/{org}/events/{event.ID} with Authorization: Bearer <API key>.
}

func main() {
	http.HandleFunc("/", handle)
	fmt.Printf("listening on :%s%s\n", port, path)
	_ = http.ListenAndServe(":"+port, nil)
}
