package analyzer

import (
	"reflect"
	"strings"
	"testing"

	"github.com/slack-go/slack"
)

// The slack-go fields of responseFields hold the response fields they are said to: the
// JSON name of the struct's field in the object that holds it, and of the field itself.
func TestResponseFieldsMatchSlackGo(t *testing.T) {
	holders := map[string]reflect.Type{"UserProfile": reflect.TypeOf(slack.User{})} // the object whose field holds the type
	types := map[string]reflect.Type{"UserProfile": reflect.TypeOf(slack.UserProfile{})}
	for goName, field := range responseFields {
		typeName, fieldName, _ := strings.Cut(goName, ".")
		typ, ok := types[typeName]
		if !ok {
			t.Errorf("%s: no slack-go type %s in the test's table", goName, typeName)
			continue
		}
		parent, child, _ := strings.Cut(field, ".")
		f, ok := typ.FieldByName(fieldName)
		if !ok || jsonName(f) != child {
			t.Errorf("%s: slack-go's field has JSON name %q, want %q", goName, jsonName(f), child)
		}
		found := false
		for i := range holders[typeName].NumField() {
			h := holders[typeName].Field(i)
			if h.Type == typ && jsonName(h) == parent {
				found = true
			}
		}
		if !found {
			t.Errorf("%s: no field of %s holds a %s as %q", goName, holders[typeName], typeName, parent)
		}
	}
}

func jsonName(f reflect.StructField) string {
	name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
	return name
}
