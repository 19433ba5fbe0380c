//+------------------------------------------------------------------+
//| Mt4RiskBridge/Json.mqh                                           |
//| JSON writing and reading for protocol v1. Written in the subset  |
//| of MQL4 that is also C++, so the Linux harness compiles it as is.|
//+------------------------------------------------------------------+
#ifndef MT4RISKBRIDGE_JSON_MQH
#define MT4RISKBRIDGE_JSON_MQH

#define RB_JSON_NULL   0
#define RB_JSON_BOOL   1
#define RB_JSON_NUMBER 2
#define RB_JSON_STRING 3
#define RB_JSON_ARRAY  4
#define RB_JSON_OBJECT 5

#define RB_JSON_MAX_DEPTH 32
#define RB_JSON_MAX_NODES 4096

//+------------------------------------------------------------------+
//| A string literal for JSON: quotes, backslashes and control       |
//| characters escaped; everything else is kept as UTF-16 text and   |
//| becomes UTF-8 when the message is converted to bytes.            |
//+------------------------------------------------------------------+
string RbJsonQuote(const string text)
  {
   string result="\"";
   int length=StringLen(text);
   int runStart=0;
   for(int i=0;i<length;i++)
     {
      ushort c=StringGetCharacter(text,i);
      string escape="";
      if(c=='"')
         escape="\\\"";
      else if(c=='\\')
         escape="\\\\";
      else if(c=='\n')
         escape="\\n";
      else if(c=='\r')
         escape="\\r";
      else if(c=='\t')
         escape="\\t";
      else if(c<0x20)
        {
         string hex="0123456789abcdef";
         escape="\\u00"+StringSubstr(hex,c/16,1)+StringSubstr(hex,c%16,1);
        }
      else
         continue;
      if(i>runStart)
         result+=StringSubstr(text,runStart,i-runStart);
      result+=escape;
      runStart=i+1;
     }
   if(length>runStart)
      result+=StringSubstr(text,runStart,length-runStart);
   return result+"\"";
  }
//+------------------------------------------------------------------+
//| A number with at most eight decimals and no trailing zeros;      |
//| NaN and infinities become null, which the service refuses with a |
//| bad_field error naming the field.                                |
//+------------------------------------------------------------------+
string RbJsonNumber(const double value)
  {
   if(!MathIsValidNumber(value))
      return "null";
   string text=DoubleToString(value,8);
   int end=StringLen(text);
   while(end>0 && StringGetCharacter(text,end-1)=='0')
      end--;
   if(end>0 && StringGetCharacter(text,end-1)=='.')
      end--;
   text=StringSubstr(text,0,end);
   if(text=="-0" || text=="")
      text="0";
   return text;
  }
//+------------------------------------------------------------------+
//| Builds one JSON object or array as text, tracking commas.        |
//| An empty key writes an array element.                            |
//+------------------------------------------------------------------+
class RbJsonWriter
  {
private:
   string            m_text;
   bool              m_needComma[RB_JSON_MAX_DEPTH];
   int               m_depth;

   void              Key(const string key)
     {
      if(m_depth>0)
        {
         if(m_needComma[m_depth-1])
            m_text+=",";
         m_needComma[m_depth-1]=true;
        }
      if(key!="")
         m_text+=RbJsonQuote(key)+":";
     }
   void              Open(const string key,const string bracket)
     {
      Key(key);
      m_text+=bracket;
      if(m_depth<RB_JSON_MAX_DEPTH)
        {
         m_needComma[m_depth]=false;
         m_depth++;
        }
     }
   void              Close(const string bracket)
     {
      m_text+=bracket;
      if(m_depth>0)
         m_depth--;
     }

public:
                     RbJsonWriter() { m_text=""; m_depth=0; }
   void              Reset() { m_text=""; m_depth=0; }
   void              BeginObject(const string key="") { Open(key,"{"); }
   void              EndObject() { Close("}"); }
   void              BeginArray(const string key="") { Open(key,"["); }
   void              EndArray() { Close("]"); }
   void              Str(const string key,const string value) { Key(key); m_text+=RbJsonQuote(value); }
   void              Num(const string key,const double value) { Key(key); m_text+=RbJsonNumber(value); }
   void              Int(const string key,const long value) { Key(key); m_text+=IntegerToString(value); }
   void              Bool(const string key,const bool value) { Key(key); m_text+=(value ? "true" : "false"); }
   void              Null(const string key) { Key(key); m_text+="null"; }
   //--- a message header: {"v":1,"type":...
   void              BeginMessage(const string type) { Reset(); BeginObject(); Int("v",1); Str("type",type); }
   string            Text() { return m_text; }
  };
//+------------------------------------------------------------------+
//| A parsed JSON document: a flat table of nodes, each knowing its  |
//| parent, so lookups need no pointers. Node 0 is the root.         |
//+------------------------------------------------------------------+
class RbJson
  {
private:
   int               m_kind[];
   int               m_parent[];
   string            m_key[];
   string            m_text[];
   int               m_count;
   string            m_source;
   int               m_pos;
   int               m_length;
   string            m_error;

   int               Add(const int kind,const int parent,const string key,const string text)
     {
      if(m_count>=RB_JSON_MAX_NODES)
         return -1;
      if(m_count>=ArraySize(m_kind))
        {
         int grown=m_count*2+16;
         ArrayResize(m_kind,grown);
         ArrayResize(m_parent,grown);
         ArrayResize(m_key,grown);
         ArrayResize(m_text,grown);
        }
      m_kind[m_count]=kind;
      m_parent[m_count]=parent;
      m_key[m_count]=key;
      m_text[m_count]=text;
      m_count++;
      return m_count-1;
     }
   ushort            Peek() { return m_pos<m_length ? StringGetCharacter(m_source,m_pos) : 0; }
   void              SkipSpace()
     {
      while(m_pos<m_length)
        {
         ushort c=StringGetCharacter(m_source,m_pos);
         if(c!=' ' && c!='\t' && c!='\n' && c!='\r')
            break;
         m_pos++;
        }
     }
   bool              Fail(const string what)
     {
      if(m_error=="")
         m_error=what+" at offset "+IntegerToString(m_pos);
      return false;
     }
   bool              Literal(const string word)
     {
      int n=StringLen(word);
      if(StringSubstr(m_source,m_pos,n)!=word)
         return Fail("unexpected text");
      m_pos+=n;
      return true;
     }
   int               HexDigit(const ushort c)
     {
      if(c>='0' && c<='9') return c-'0';
      if(c>='a' && c<='f') return c-'a'+10;
      if(c>='A' && c<='F') return c-'A'+10;
      return -1;
     }
   bool              ParseString(string &value)
     {
      value="";
      m_pos++; // opening quote
      int runStart=m_pos;
      while(m_pos<m_length)
        {
         ushort c=StringGetCharacter(m_source,m_pos);
         if(c=='"')
           {
            if(m_pos>runStart)
               value+=StringSubstr(m_source,runStart,m_pos-runStart);
            m_pos++;
            return true;
           }
         if(c<0x20)
            return Fail("control character in string");
         if(c!='\\')
           {
            m_pos++;
            continue;
           }
         if(m_pos>runStart)
            value+=StringSubstr(m_source,runStart,m_pos-runStart);
         if(m_pos+1>=m_length)
            return Fail("unterminated escape");
         ushort e=StringGetCharacter(m_source,m_pos+1);
         m_pos+=2;
         if(e=='"') value+="\"";
         else if(e=='\\') value+="\\";
         else if(e=='/') value+="/";
         else if(e=='b') value+=ShortToString(8);
         else if(e=='f') value+=ShortToString(12);
         else if(e=='n') value+="\n";
         else if(e=='r') value+="\r";
         else if(e=='t') value+="\t";
         else if(e=='u')
           {
            if(m_pos+4>m_length)
               return Fail("short \\u escape");
            int unit=0;
            for(int k=0;k<4;k++)
              {
               int d=HexDigit(StringGetCharacter(m_source,m_pos+k));
               if(d<0)
                  return Fail("bad \\u escape");
               unit=unit*16+d;
              }
            m_pos+=4;
            // surrogate halves are appended one by one and pair up in the string
            value+=ShortToString((ushort)unit);
           }
         else
            return Fail("unknown escape");
         runStart=m_pos;
        }
      return Fail("unterminated string");
     }
   bool              ParseValue(const int parent,const string key,const int depth)
     {
      if(depth>RB_JSON_MAX_DEPTH)
         return Fail("nesting too deep");
      SkipSpace();
      ushort c=Peek();
      if(c=='{')
        {
         int node=Add(RB_JSON_OBJECT,parent,key,"");
         if(node<0) return Fail("too many nodes");
         m_pos++;
         SkipSpace();
         if(Peek()=='}') { m_pos++; return true; }
         while(true)
           {
            SkipSpace();
            if(Peek()!='"')
               return Fail("expected a member name");
            string name;
            if(!ParseString(name))
               return false;
            SkipSpace();
            if(Peek()!=':')
               return Fail("expected ':'");
            m_pos++;
            if(!ParseValue(node,name,depth+1))
               return false;
            SkipSpace();
            c=Peek();
            m_pos++;
            if(c=='}')
               return true;
            if(c!=',')
               return Fail("expected ',' or '}'");
           }
        }
      if(c=='[')
        {
         int node=Add(RB_JSON_ARRAY,parent,key,"");
         if(node<0) return Fail("too many nodes");
         m_pos++;
         SkipSpace();
         if(Peek()==']') { m_pos++; return true; }
         while(true)
           {
            if(!ParseValue(node,"",depth+1))
               return false;
            SkipSpace();
            c=Peek();
            m_pos++;
            if(c==']')
               return true;
            if(c!=',')
               return Fail("expected ',' or ']'");
           }
        }
      if(c=='"')
        {
         string text;
         if(!ParseString(text))
            return false;
         return Add(RB_JSON_STRING,parent,key,text)>=0 || Fail("too many nodes");
        }
      if(c=='t')
         return Literal("true") && (Add(RB_JSON_BOOL,parent,key,"true")>=0 || Fail("too many nodes"));
      if(c=='f')
         return Literal("false") && (Add(RB_JSON_BOOL,parent,key,"false")>=0 || Fail("too many nodes"));
      if(c=='n')
         return Literal("null") && (Add(RB_JSON_NULL,parent,key,"")>=0 || Fail("too many nodes"));
      if(c=='-' || (c>='0' && c<='9'))
        {
         int start=m_pos;
         while(m_pos<m_length)
           {
            ushort d=StringGetCharacter(m_source,m_pos);
            if(!((d>='0' && d<='9') || d=='-' || d=='+' || d=='.' || d=='e' || d=='E'))
               break;
            m_pos++;
           }
         return Add(RB_JSON_NUMBER,parent,key,StringSubstr(m_source,start,m_pos-start))>=0 || Fail("too many nodes");
        }
      return Fail("unexpected character");
     }

public:
                     RbJson() { m_count=0; m_pos=0; m_length=0; m_error=""; }

   //--- parses text; false with Error() set when it is not one JSON value
   bool              Parse(const string text)
     {
      m_count=0;
      m_error="";
      m_source=text;
      m_pos=0;
      m_length=StringLen(text);
      if(!ParseValue(-1,"",0))
         return false;
      SkipSpace();
      if(m_pos<m_length)
         return Fail("text after the value");
      return true;
     }
   string            Error() { return m_error; }
   int               Kind(const int node) { return node>=0 && node<m_count ? m_kind[node] : -1; }
   //--- the member of an object, -1 when absent
   int               Find(const int node,const string key)
     {
      if(Kind(node)!=RB_JSON_OBJECT)
         return -1;
      for(int i=node+1;i<m_count;i++)
         if(m_parent[i]==node && m_key[i]==key)
            return i;
      return -1;
     }
   //--- number of direct children of an array or object
   int               Count(const int node)
     {
      int n=0;
      for(int i=node+1;i<m_count;i++)
         if(m_parent[i]==node)
            n++;
      return n;
     }
   //--- the index-th direct child, -1 when absent
   int               Child(const int node,const int index)
     {
      int n=0;
      for(int i=node+1;i<m_count;i++)
         if(m_parent[i]==node)
           {
            if(n==index)
               return i;
            n++;
           }
      return -1;
     }
   string            Key(const int node) { return node>=0 && node<m_count ? m_key[node] : ""; }
   string            Text(const int node) { return node>=0 && node<m_count ? m_text[node] : ""; }
   double            Number(const int node) { return Kind(node)==RB_JSON_NUMBER ? StringToDouble(m_text[node]) : 0.0; }
   //--- typed member lookups with a fallback when absent or of another type
   string            GetString(const int node,const string key,const string fallback="")
     {
      int i=Find(node,key);
      if(Kind(i)==RB_JSON_STRING || Kind(i)==RB_JSON_NUMBER)
         return m_text[i];
      return fallback;
     }
   double            GetNumber(const int node,const string key,const double fallback=0.0)
     {
      int i=Find(node,key);
      return Kind(i)==RB_JSON_NUMBER ? StringToDouble(m_text[i]) : fallback;
     }
   long              GetInteger(const int node,const string key,const long fallback=0)
     {
      int i=Find(node,key);
      return Kind(i)==RB_JSON_NUMBER ? StringToInteger(m_text[i]) : fallback;
     }
   bool              GetBool(const int node,const string key,const bool fallback=false)
     {
      int i=Find(node,key);
      return Kind(i)==RB_JSON_BOOL ? m_text[i]=="true" : fallback;
     }
  };

#endif
